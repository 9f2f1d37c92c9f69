package io.auditgate.guardrail.injection;

import java.util.Objects;

/**
 * A tenant's response to prompt injection: the score at or above which a prompt counts as an attack, and
 * what to do then.
 *
 * @param threshold in (0, 1]; {@value #DEFAULT_THRESHOLD} by default, which one strong signal (for example
 *                  an explicit "ignore previous instructions") or two moderate ones reach
 * @param action    FLAG to forward and record, BLOCK to refuse
 */
public record InjectionPolicy(double threshold, InjectionAction action) {

    /** The threshold the corpus figures in docs/prompt-injection.md were measured at. */
    public static final double DEFAULT_THRESHOLD = 0.5;

    /** Threshold 0.5, FLAG: heuristics have false positives, so blocking is a tenant's explicit choice. */
    public static final InjectionPolicy DEFAULT = new InjectionPolicy(DEFAULT_THRESHOLD, InjectionAction.FLAG);

    public InjectionPolicy {
        if (!(threshold > 0.0 && threshold <= 1.0)) {
            throw new IllegalArgumentException("threshold must be in (0, 1]: " + threshold);
        }
        Objects.requireNonNull(action, "action");
    }

    /** Whether the assessment's score reaches this policy's threshold. */
    public boolean crossedBy(InjectionAssessment assessment) {
        return assessment.score() >= threshold;
    }
}
