package io.auditgate.bedrock;

import java.time.Duration;

/** The time one request may spend upstream, all attempts and back-off included. */
record Deadline(long expiresAtNanos) {

    static Deadline in(Duration budget) {
        return new Deadline(System.nanoTime() + budget.toNanos());
    }

    Duration remaining() {
        return Duration.ofNanos(Math.max(0, expiresAtNanos - System.nanoTime()));
    }

    boolean expired() {
        return expiresAtNanos - System.nanoTime() <= 0;
    }
}
