package io.auditgate.quota;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What a tenant spent of its budgets in the UTC day {@code day} and its calendar month, as the audit trail shows it
 * (the sum of its records' {@code quota.settled}): what a ledger is seeded with after every instance restarted.
 */
public record Spent(LocalDate day, long dayTokens, long dayCostPicoUsd, long monthTokens, long monthCostPicoUsd) {

    public Spent {
        Objects.requireNonNull(day, "day");
        if (dayTokens < 0 || dayCostPicoUsd < 0 || monthTokens < dayTokens || monthCostPicoUsd < dayCostPicoUsd) {
            throw new IllegalArgumentException("spending is not negative, and a month holds its day");
        }
    }

    public static Spent none(LocalDate day) {
        return new Spent(day, 0, 0, 0, 0);
    }

    /** This spending with one more settled request, received on {@code received} (of this month). */
    public Spent plus(LocalDate received, long tokens, long costPicoUsd) {
        var today = received.equals(day);
        return new Spent(day, dayTokens + (today ? tokens : 0), dayCostPicoUsd + (today ? costPicoUsd : 0),
                monthTokens + tokens, monthCostPicoUsd + costPicoUsd);
    }

    /** In {@link Periods}' layout, so that it crosses the grid as a JDK type. */
    long[] toArray() {
        var periods = new long[Periods.LENGTH];
        periods[Periods.DAY] = day.toEpochDay();
        periods[Periods.DAY_TOKENS] = dayTokens;
        periods[Periods.DAY_COST] = dayCostPicoUsd;
        periods[Periods.MONTH] = day.getYear() * 12L + day.getMonthValue() - 1;
        periods[Periods.MONTH_TOKENS] = monthTokens;
        periods[Periods.MONTH_COST] = monthCostPicoUsd;
        return periods;
    }
}
