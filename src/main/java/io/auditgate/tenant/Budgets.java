package io.auditgate.tenant;

/**
 * A tenant's token and cost budgets per UTC calendar day and month, across all instances ({@link #UNLIMITED} when the
 * policy sets none). Money is exact: pico-USD (10⁻¹² USD) in a {@code long}, so a budget is at most about 9.2 million
 * USD.
 *
 * @param localWhenGridUnavailable {@code when_grid_unavailable: "local"}: without the data grid this instance
 *                                 enforces alone; otherwise (the default, {@code "refuse"}) the tenant is refused
 */
public record Budgets(long tokensPerDay, long tokensPerMonth, long costPicoUsdPerDay, long costPicoUsdPerMonth,
                      boolean localWhenGridUnavailable) {

    public static final long UNLIMITED = Long.MAX_VALUE;
    public static final Budgets NONE = new Budgets(UNLIMITED, UNLIMITED, UNLIMITED, UNLIMITED, false);

    public Budgets {
        if (tokensPerDay < 1 || tokensPerMonth < 1 || costPicoUsdPerDay < 0 || costPicoUsdPerMonth < 0) {
            throw new IllegalArgumentException("budgets must be positive");
        }
    }

    public boolean any() {
        return tokensPerDay != UNLIMITED || tokensPerMonth != UNLIMITED || hasCost();
    }

    public boolean hasCost() {
        return costPicoUsdPerDay != UNLIMITED || costPicoUsdPerMonth != UNLIMITED;
    }
}
