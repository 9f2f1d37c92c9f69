package io.auditgate.quota;

import java.util.ArrayList;

/**
 * Which limit a reservation would break, checked in a fixed order: budgets first (nothing helps but the period's
 * end, so the client must not be told to retry in a second), then requests in flight, requests per minute and tokens
 * per minute, the tenant's before the key's.
 */
final class Checks {

    private Checks() {
    }

    /** The refusal of the first limit {@code demand} would break, or null when every bucket has room. */
    static Verdict first(Limits limits, Demand demand, long[] tenant, long[] key, long[] periods, long nowMillis) {
        var now = Math.floorDiv(nowMillis, 1000);
        var day = Periods.secondsToDayEnd(nowMillis);
        var month = Periods.secondsToMonthEnd(nowMillis);
        if (over(limits, Limit.TOKENS_PER_DAY, periods[Periods.DAY_TOKENS], demand.budgetTokens())) {
            return Verdict.refused(Limit.TOKENS_PER_DAY, day);
        }
        if (over(limits, Limit.TOKENS_PER_MONTH, periods[Periods.MONTH_TOKENS], demand.budgetTokens())) {
            return Verdict.refused(Limit.TOKENS_PER_MONTH, month);
        }
        if (over(limits, Limit.COST_USD_PER_DAY, periods[Periods.DAY_COST], demand.costPicoUsd())) {
            return Verdict.refused(Limit.COST_USD_PER_DAY, day);
        }
        if (over(limits, Limit.COST_USD_PER_MONTH, periods[Periods.MONTH_COST], demand.costPicoUsd())) {
            return Verdict.refused(Limit.COST_USD_PER_MONTH, month);
        }
        if (over(limits, Limit.MAX_CONCURRENT_REQUESTS, tenant[Window.CONCURRENT], 1)) {
            return Verdict.refused(Limit.MAX_CONCURRENT_REQUESTS, 1);
        }
        if (over(limits, Limit.KEY_MAX_CONCURRENT_REQUESTS, key[Window.CONCURRENT], 1)) {
            return Verdict.refused(Limit.KEY_MAX_CONCURRENT_REQUESTS, 1);
        }
        var refusal = minute(limits, Limit.REQUESTS_PER_MINUTE, tenant, Window.REQUESTS, 1, now);
        refusal = refusal != null ? refusal : minute(limits, Limit.KEY_REQUESTS_PER_MINUTE, key, Window.REQUESTS, 1, now);
        refusal = refusal != null ? refusal
                : minute(limits, Limit.TOKENS_PER_MINUTE, tenant, Window.TOKENS, demand.rateTokens(), now);
        return refusal != null ? refusal
                : minute(limits, Limit.KEY_TOKENS_PER_MINUTE, key, Window.TOKENS, demand.rateTokens(), now);
    }

    /** Where the tenant and key stand against each limit they have. */
    static Standing status(Limits limits, long[] tenant, long[] key, long[] periods, long nowMillis) {
        var now = Math.floorDiv(nowMillis, 1000);
        var standing = new ArrayList<Standing.Remaining>();
        minuteStatus(standing, limits, Limit.REQUESTS_PER_MINUTE, tenant, Window.REQUESTS, now);
        minuteStatus(standing, limits, Limit.TOKENS_PER_MINUTE, tenant, Window.TOKENS, now);
        minuteStatus(standing, limits, Limit.KEY_REQUESTS_PER_MINUTE, key, Window.REQUESTS, now);
        minuteStatus(standing, limits, Limit.KEY_TOKENS_PER_MINUTE, key, Window.TOKENS, now);
        period(standing, limits, Limit.TOKENS_PER_DAY, periods[Periods.DAY_TOKENS], Periods.secondsToDayEnd(nowMillis));
        period(standing, limits, Limit.TOKENS_PER_MONTH, periods[Periods.MONTH_TOKENS],
                Periods.secondsToMonthEnd(nowMillis));
        period(standing, limits, Limit.COST_USD_PER_DAY, periods[Periods.DAY_COST], Periods.secondsToDayEnd(nowMillis));
        period(standing, limits, Limit.COST_USD_PER_MONTH, periods[Periods.MONTH_COST],
                Periods.secondsToMonthEnd(nowMillis));
        return new Standing(standing);
    }

    private static boolean over(Limits limits, Limit limit, long used, long more) {
        return limits.set(limit) && used + more > limits.get(limit);
    }

    private static Verdict minute(Limits limits, Limit limit, long[] scope, int counter, long need, long now) {
        if (!limits.set(limit) || Window.sum(scope, counter, now) + need <= limits.get(limit)) {
            return null;
        }
        return Verdict.refused(limit, Window.secondsUntilFits(scope, counter, now, limits.get(limit), need));
    }

    private static void minuteStatus(ArrayList<Standing.Remaining> out, Limits limits, Limit limit, long[] scope,
                                     int counter, long now) {
        if (limits.set(limit)) {
            var used = Window.sum(scope, counter, now);
            out.add(new Standing.Remaining(limit, limits.get(limit), Math.max(0, limits.get(limit) - used),
                    Window.secondsUntilReset(scope, counter, now)));
        }
    }

    private static void period(ArrayList<Standing.Remaining> out, Limits limits, Limit limit, long used, long reset) {
        if (limits.set(limit)) {
            out.add(new Standing.Remaining(limit, limits.get(limit), Math.max(0, limits.get(limit) - used), reset));
        }
    }
}
