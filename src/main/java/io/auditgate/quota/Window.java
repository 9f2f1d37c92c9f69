package io.auditgate.quota;

/**
 * A sliding minute of 60 one-second slots inside a scope's {@code long[]}: what was admitted in any 60 consecutive
 * whole seconds, so that "N per minute" admits exactly N whatever the requests' timing, and the same array answers for
 * every instance. Each slot remembers which epoch second it holds; a slot of an older second counts as empty.
 */
final class Window {

    static final int SECONDS = 60;
    static final int REQUESTS = 0;
    static final int TOKENS = SECONDS;
    static final int STAMPS = 2 * SECONDS;
    static final int CONCURRENT = 3 * SECONDS;
    /** The length of a scope's array: requests, tokens, slot stamps, requests in flight. */
    static final int SCOPE_LENGTH = CONCURRENT + 1;

    private Window() {
    }

    /** The amount in {@code counter} (REQUESTS or TOKENS) within the minute ending with {@code now} (epoch second). */
    static long sum(long[] scope, int counter, long now) {
        long total = 0;
        for (long second = now - SECONDS + 1; second <= now; second++) {
            total += at(scope, counter, second);
        }
        return total;
    }

    /** The amount {@code counter} holds for {@code second}, 0 if its slot holds another second. */
    static long at(long[] scope, int counter, long second) {
        var slot = (int) Math.floorMod(second, SECONDS);
        return scope[STAMPS + slot] == second ? scope[counter + slot] : 0;
    }

    /** Adds to {@code second}'s slot, which is first cleared if it held an older second; never below zero. */
    static void add(long[] scope, int counter, long second, long amount) {
        var slot = (int) Math.floorMod(second, SECONDS);
        if (scope[STAMPS + slot] != second) {
            scope[STAMPS + slot] = second;
            scope[REQUESTS + slot] = 0;
            scope[TOKENS + slot] = 0;
        }
        scope[counter + slot] = Math.max(0, scope[counter + slot] + amount);
    }

    /** Corrects {@code second}'s slot by {@code delta} if the slot still holds it (a settlement inside the minute). */
    static void adjust(long[] scope, int counter, long second, long delta) {
        var slot = (int) Math.floorMod(second, SECONDS);
        if (scope[STAMPS + slot] == second) {
            scope[counter + slot] = Math.max(0, scope[counter + slot] + delta);
        }
    }

    /**
     * Seconds until {@code need} more fits under {@code limit}: until enough of the oldest seconds have left the
     * minute. A need larger than the limit never fits: 60.
     */
    static long secondsUntilFits(long[] scope, int counter, long now, long limit, long need) {
        if (need > limit) {
            return SECONDS;
        }
        var excess = sum(scope, counter, now) + need - limit;
        long freed = 0;
        for (long second = now - SECONDS + 1; second <= now; second++) {
            freed += at(scope, counter, second);
            if (freed >= excess) {
                return second + SECONDS - now;
            }
        }
        return SECONDS;
    }

    /** Seconds until the oldest counted second leaves the minute; 0 for an empty minute. */
    static long secondsUntilReset(long[] scope, int counter, long now) {
        for (long second = now - SECONDS + 1; second <= now; second++) {
            if (at(scope, counter, second) > 0) {
                return second + SECONDS - now;
            }
        }
        return 0;
    }
}
