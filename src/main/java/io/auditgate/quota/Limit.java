package io.auditgate.quota;

/**
 * Every limit the ledger enforces, named as in the tenants policy; its ordinal indexes the arrays that cross the grid.
 * A refusal names the limit that refused (audit record, metrics, the problem's detail).
 */
public enum Limit {
    REQUESTS_PER_MINUTE("limits.requests_per_minute", false),
    TOKENS_PER_MINUTE("limits.tokens_per_minute", false),
    MAX_CONCURRENT_REQUESTS("limits.max_concurrent_requests", false),
    TOKENS_PER_DAY("budgets.tokens_per_day", true),
    TOKENS_PER_MONTH("budgets.tokens_per_month", true),
    COST_USD_PER_DAY("budgets.cost_usd_per_day", true),
    COST_USD_PER_MONTH("budgets.cost_usd_per_month", true),
    KEY_REQUESTS_PER_MINUTE("api_keys[].limits.requests_per_minute", false),
    KEY_TOKENS_PER_MINUTE("api_keys[].limits.tokens_per_minute", false),
    KEY_MAX_CONCURRENT_REQUESTS("api_keys[].limits.max_concurrent_requests", false);

    static final int COUNT = values().length;

    private final String policyName;
    private final boolean budget;

    Limit(String policyName, boolean budget) {
        this.policyName = policyName;
        this.budget = budget;
    }

    /** The field's path in the tenants policy, as records, metrics and problems name it. */
    public String policyName() {
        return policyName;
    }

    /** A budget (429 {@code budget-exhausted} until the period ends) rather than a rate (429 {@code rate-limited}). */
    public boolean budget() {
        return budget;
    }
}
