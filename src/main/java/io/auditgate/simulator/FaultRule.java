package io.auditgate.simulator;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fault set through the admin API: it applies to matching model requests until its count runs out.
 * The only mutable part is the remaining count, taken atomically so that concurrent requests never overdraw it.
 */
final class FaultRule {

    static final int UNTIL_CLEARED = -1;

    private final Fault fault;
    private final AtomicInteger remaining;
    private final Optional<String> model;
    private final Optional<byte[]> promptContains;
    private final long delayMs;

    FaultRule(Fault fault, int times, Optional<String> model, Optional<String> promptContains, long delayMs) {
        this.fault = Objects.requireNonNull(fault, "fault");
        if (times != UNTIL_CLEARED && times < 1) {
            throw new IllegalArgumentException("times must be positive or -1 (until cleared): " + times);
        }
        if (delayMs < 0) {
            throw new IllegalArgumentException("delayMs must not be negative: " + delayMs);
        }
        this.remaining = new AtomicInteger(times);
        this.model = Objects.requireNonNull(model, "model");
        this.promptContains = promptContains.map(text -> text.getBytes(StandardCharsets.UTF_8));
        this.delayMs = delayMs;
    }

    /** Whether the rule matches and, if so, takes one of its remaining applications. */
    boolean take(String modelId, byte[] body) {
        if (model.isPresent() && !model.get().equals(modelId)) {
            return false;
        }
        if (promptContains.isPresent() && !contains(body, promptContains.get())) {
            return false;
        }
        while (true) {
            int left = remaining.get();
            if (left == UNTIL_CLEARED) {
                return true;
            }
            if (left == 0) {
                return false;
            }
            if (remaining.compareAndSet(left, left - 1)) {
                return true;
            }
        }
    }

    Injection injection() {
        return new Injection(fault, delayMs);
    }

    private static boolean contains(byte[] body, byte[] part) {
        outer:
        for (int i = 0; i <= body.length - part.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (body[i + j] != part[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
