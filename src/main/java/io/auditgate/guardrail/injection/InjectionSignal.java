package io.auditgate.guardrail.injection;

import java.util.Objects;

/**
 * One piece of evidence: which technique was seen and how strongly it indicates an attack. By construction it
 * holds no user text, so it may be written to logs and audit records.
 *
 * @param technique the technique seen
 * @param weight    the probability-like strength of this evidence, in (0, 1]
 */
public record InjectionSignal(Technique technique, double weight) {

    public InjectionSignal {
        Objects.requireNonNull(technique, "technique");
        if (!(weight > 0.0 && weight <= 1.0)) {
            throw new IllegalArgumentException("weight must be in (0, 1]: " + weight);
        }
    }
}
