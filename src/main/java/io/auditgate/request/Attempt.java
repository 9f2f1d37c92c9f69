package io.auditgate.request;

import java.util.Objects;

/**
 * One model attempt of a request, for its record: which model (the requested one or a fallback), how it ended, how
 * long it took, and its number among that model's attempts (1 the first, 2 its first retry, ...).
 *
 * @param outcome {@value #ANSWERED}, {@value #ABANDONED} (stopped by the gateway: the client went away, the answer was
 *                blocked or the deadline passed), or the problem type slug of its failure ({@code throttled},
 *                {@code model-unavailable}, {@code upstream-error}, {@code model-timeout}, {@code circuit-open}, ...)
 */
public record Attempt(String model, String outcome, long latencyMillis, int number) {

    public static final String ANSWERED = "answered";
    public static final String ABANDONED = "abandoned";

    public Attempt {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(outcome, "outcome");
        if (latencyMillis < 0 || number < 1) {
            throw new IllegalArgumentException("latency must not be negative and numbers start at 1");
        }
    }
}
