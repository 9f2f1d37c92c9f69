package io.auditgate.guardrail.injection;

import java.util.List;
import java.util.Objects;

/**
 * The result of screening one text: a score and the signals it was computed from.
 *
 * <p>The score combines the signal weights as independent evidence (a noisy-OR):
 * {@code score = 1 - (1 - w1)(1 - w2)...(1 - wn)}, so it is 0 without signals, never exceeds 1, and two
 * moderate signals together outweigh either alone. Signals hold technique names and weights only.
 *
 * @param score   in [0, 1]; compare it with an {@link InjectionPolicy}
 * @param signals at most one per technique, in check order
 */
public record InjectionAssessment(double score, List<InjectionSignal> signals) {

    public InjectionAssessment {
        if (!(score >= 0.0 && score <= 1.0)) {
            throw new IllegalArgumentException("score must be in [0, 1]: " + score);
        }
        signals = List.copyOf(signals);
    }

    /** An assessment whose score is the noisy-OR of the given signals' weights. */
    public static InjectionAssessment of(List<InjectionSignal> signals) {
        return new InjectionAssessment(combine(signals.stream().mapToDouble(InjectionSignal::weight).toArray()),
                signals);
    }

    /** Whether any signal names the given technique. */
    public boolean has(Technique technique) {
        Objects.requireNonNull(technique, "technique");
        return signals.stream().anyMatch(signal -> signal.technique() == technique);
    }

    /** {@code 1 - Π(1 - w)}: the probability that at least one independent piece of evidence is right. */
    static double combine(double... weights) {
        double allWrong = 1.0;
        for (double weight : weights) {
            allWrong *= 1.0 - weight;
        }
        return Math.min(1.0, Math.max(0.0, 1.0 - allWrong));
    }
}
