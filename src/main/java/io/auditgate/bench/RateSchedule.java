package io.auditgate.bench;

import java.time.Duration;

/**
 * When each request of a fixed-rate run is due: request {@code i} at {@code start + i × period}, for every {@code i}
 * whose time falls before {@code end}. The due time, not the time a request actually went out, is what its latency
 * is measured from (no coordinated omission).
 */
record RateSchedule(long startNanos, long periodNanos, long endNanos) {

    RateSchedule {
        if (periodNanos < 1 || endNanos < startNanos) {
            throw new IllegalArgumentException("a schedule needs a positive period and an end after its start");
        }
    }

    /** {@code rate} requests per second for {@code duration}, the first due at {@code startNanos} (System.nanoTime). */
    static RateSchedule of(double rate, Duration duration, long startNanos) {
        if (!(rate > 0)) {
            throw new IllegalArgumentException("rate must be positive: " + rate);
        }
        return new RateSchedule(startNanos, Math.max(1, Math.round(1e9 / rate)), startNanos + duration.toNanos());
    }

    /** The time request {@code i} is due. */
    long due(long i) {
        return startNanos + i * periodNanos;
    }

    /** Whether request {@code i} belongs to the run. */
    boolean includes(long i) {
        return due(i) < endNanos;
    }

    /** How many requests the run sends. */
    long requests() {
        return (endNanos - startNanos + periodNanos - 1) / periodNanos;
    }
}
