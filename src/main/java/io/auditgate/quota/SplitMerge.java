package io.auditgate.quota;

import java.util.HashMap;

/**
 * Joins two copies of a tenant's state after a split brain healed, keeping the larger consumption: each second of a
 * minute and each period counter takes the larger of the two (the newer second or period where they differ), and
 * the requests in flight are the union of both sides' reservations. Each side enforced alone meanwhile, so the true
 * consumption lies between the larger and the sum; keeping the larger never forgets what either side admitted on
 * its own, and forgets at most what the other side admitted too.
 */
final class SplitMerge {

    private SplitMerge() {
    }

    static HashMap<String, long[]> merge(HashMap<String, long[]> one, HashMap<String, long[]> other) {
        var merged = new HashMap<String, long[]>();
        for (var name : union(one, other)) {
            var a = one.get(name);
            var b = other.get(name);
            if (a == null || b == null) {
                merged.put(name, (a == null ? b : a).clone());
            } else if (name.equals(TenantEntry.PERIODS)) {
                merged.put(name, periods(a, b));
            } else if (name.equals(TenantEntry.CLOCK)) {
                merged.put(name, new long[] {Math.max(a[0], b[0])});
            } else if (name.startsWith(TenantEntry.RESERVATION) || name.equals(TenantEntry.REBUILT)) {
                merged.put(name, a.clone());
            } else {
                merged.put(name, minute(a, b));
            }
        }
        recount(merged);
        return merged;
    }

    private static java.util.Set<String> union(HashMap<String, long[]> one, HashMap<String, long[]> other) {
        var names = new java.util.TreeSet<>(one.keySet());
        names.addAll(other.keySet());
        return names;
    }

    private static long[] minute(long[] a, long[] b) {
        var merged = a.clone();
        for (int slot = 0; slot < Window.SECONDS; slot++) {
            var stampA = a[Window.STAMPS + slot];
            var stampB = b[Window.STAMPS + slot];
            var newer = stampB > stampA ? b : a;
            merged[Window.STAMPS + slot] = Math.max(stampA, stampB);
            merged[Window.REQUESTS + slot] = stampA == stampB
                    ? Math.max(a[Window.REQUESTS + slot], b[Window.REQUESTS + slot]) : newer[Window.REQUESTS + slot];
            merged[Window.TOKENS + slot] = stampA == stampB
                    ? Math.max(a[Window.TOKENS + slot], b[Window.TOKENS + slot]) : newer[Window.TOKENS + slot];
        }
        return merged;
    }

    private static long[] periods(long[] a, long[] b) {
        var merged = new long[Periods.LENGTH];
        period(merged, a, b, Periods.DAY, Periods.DAY_TOKENS, Periods.DAY_COST);
        period(merged, a, b, Periods.MONTH, Periods.MONTH_TOKENS, Periods.MONTH_COST);
        return merged;
    }

    private static void period(long[] merged, long[] a, long[] b, int index, int tokens, int cost) {
        var newer = b[index] > a[index] ? b : a;
        merged[index] = newer[index];
        merged[tokens] = a[index] == b[index] ? Math.max(a[tokens], b[tokens]) : newer[tokens];
        merged[cost] = a[index] == b[index] ? Math.max(a[cost], b[cost]) : newer[cost];
    }

    /** Requests in flight are the reservations both sides hold, per tenant and per key. */
    private static void recount(HashMap<String, long[]> merged) {
        merged.forEach((name, values) -> {
            if (name.equals(TenantEntry.TENANT) || name.startsWith(TenantEntry.KEY)) {
                values[Window.CONCURRENT] = 0;
            }
        });
        var reservations = merged.keySet().stream().filter(n -> n.startsWith(TenantEntry.RESERVATION)).toList();
        for (var name : reservations) {
            var keyId = name.substring(name.lastIndexOf(':') + 1);
            for (var scope : new String[] {TenantEntry.TENANT, TenantEntry.KEY + keyId}) {
                merged.computeIfAbsent(scope, s -> new long[Window.SCOPE_LENGTH])[Window.CONCURRENT]++;
            }
        }
    }
}
