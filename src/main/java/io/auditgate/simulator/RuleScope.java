package io.auditgate.simulator;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Which model requests an admin rule applies to, and how many more times. The only mutable part is the remaining
 * count, taken atomically so that concurrent requests never overdraw it.
 */
final class RuleScope {

    static final int UNTIL_CLEARED = -1;

    private final AtomicInteger remaining;
    private final Optional<String> model;
    private final Optional<byte[]> promptContains;

    RuleScope(int times, Optional<String> model, Optional<String> promptContains) {
        if (times != UNTIL_CLEARED && times < 1) {
            throw new IllegalArgumentException("times must be positive or -1 (until cleared): " + times);
        }
        this.remaining = new AtomicInteger(times);
        this.model = Objects.requireNonNull(model, "model");
        this.promptContains = promptContains.map(text -> text.getBytes(StandardCharsets.UTF_8));
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
