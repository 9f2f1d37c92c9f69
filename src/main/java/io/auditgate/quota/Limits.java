package io.auditgate.quota;

import io.auditgate.tenant.Tenant;
import java.util.Arrays;

/**
 * The limits one request is held to, tenant's and key's together, as the arithmetic reads them: one number per
 * {@link Limit} ({@link Long#MAX_VALUE} for none), an array so that it crosses the grid as a JDK type.
 */
final class Limits {

    private final long[] values;

    private Limits(long[] values) {
        this.values = values;
    }

    /** The limits of {@code tenant} for a request with key {@code keyId} (none of the key's for a JWT caller). */
    static Limits of(Tenant tenant, String keyId) {
        var values = new long[Limit.COUNT];
        var limits = tenant.limits();
        var budgets = tenant.budgets();
        values[Limit.REQUESTS_PER_MINUTE.ordinal()] = limits.requestsPerMinute();
        values[Limit.TOKENS_PER_MINUTE.ordinal()] = limits.tokensPerMinute();
        values[Limit.MAX_CONCURRENT_REQUESTS.ordinal()] = limits.maxConcurrentRequests() == Integer.MAX_VALUE
                ? Long.MAX_VALUE : limits.maxConcurrentRequests();
        values[Limit.TOKENS_PER_DAY.ordinal()] = budgets.tokensPerDay();
        values[Limit.TOKENS_PER_MONTH.ordinal()] = budgets.tokensPerMonth();
        values[Limit.COST_USD_PER_DAY.ordinal()] = budgets.costPicoUsdPerDay();
        values[Limit.COST_USD_PER_MONTH.ordinal()] = budgets.costPicoUsdPerMonth();
        var key = tenant.key(keyId).map(k -> k.limits());
        values[Limit.KEY_REQUESTS_PER_MINUTE.ordinal()] = key.map(k -> k.requestsPerMinute()).orElse(Long.MAX_VALUE);
        values[Limit.KEY_TOKENS_PER_MINUTE.ordinal()] = key.map(k -> k.tokensPerMinute()).orElse(Long.MAX_VALUE);
        values[Limit.KEY_MAX_CONCURRENT_REQUESTS.ordinal()] = key.map(k -> k.maxConcurrentRequests()).orElse(Long.MAX_VALUE);
        return new Limits(values);
    }

    static Limits of(long[] values) {
        if (values.length != Limit.COUNT) {
            throw new IllegalArgumentException("one value per limit");
        }
        return new Limits(values.clone());
    }

    long get(Limit limit) {
        return values[limit.ordinal()];
    }

    boolean set(Limit limit) {
        return get(limit) != Long.MAX_VALUE;
    }

    long[] toArray() {
        return values.clone();
    }

    @Override
    public String toString() {
        return Arrays.toString(values);
    }
}
