package io.auditgate.guardrail.pii;

import java.util.Objects;

/**
 * How many findings of one type a text held and what was done with them; never the values.
 *
 * @param action the policy's action for the type
 * @param count  number of findings, at least one
 */
public record Tally(PiiAction action, int count) {

    public Tally {
        Objects.requireNonNull(action, "action");
        if (count < 1) {
            throw new IllegalArgumentException("count must be positive: " + count);
        }
    }

    Tally plusOne() {
        return new Tally(action, count + 1);
    }
}
