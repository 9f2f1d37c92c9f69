package io.auditgate.quota;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a tenant and key stand against each limit they have, right after an admission or a refusal: what the
 * {@code RateLimit} headers tell the client.
 */
public record Standing(List<Remaining> limits) {

    public static final Standing NONE = new Standing(List.of());

    public Standing {
        limits = List.copyOf(limits);
    }

    /**
     * @param quota        the limit (requests, tokens, or pico-USD for cost budgets)
     * @param remaining    what is left of it now
     * @param resetSeconds seconds until the oldest use leaves the minute, or until the period ends
     */
    public record Remaining(Limit limit, long quota, long remaining, long resetSeconds) {
    }

    long[] toArray() {
        var values = new long[Limit.COUNT * 3];
        java.util.Arrays.fill(values, -1);
        for (var entry : limits) {
            var at = entry.limit().ordinal() * 3;
            values[at] = entry.quota();
            values[at + 1] = entry.remaining();
            values[at + 2] = entry.resetSeconds();
        }
        return values;
    }

    static Standing of(long[] values, int offset) {
        var limits = new ArrayList<Remaining>();
        for (var limit : Limit.values()) {
            var at = offset + limit.ordinal() * 3;
            if (values[at] >= 0) {
                limits.add(new Remaining(limit, values[at], values[at + 1], values[at + 2]));
            }
        }
        return new Standing(limits);
    }
}
