package io.auditgate.problem;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An RFC 9457 problem document as the gateway sends it; written by {@link ProblemWriter}; made by {@link Problems#of}.
 *
 * @param errors        at most {@link #MAX_ERRORS} refused fields
 * @param errorsOmitted how many more refused fields there were (counted, not listed)
 */
public record Problem(ProblemType type, String detail, String requestId, List<FieldError> errors, Duration retryAfter,
                      int errorsOmitted) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** The most field errors one answer lists: an answer's size must not grow with what a client sends. */
    public static final int MAX_ERRORS = 20;

    public Problem {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(detail, "detail");
        if (errors.size() > MAX_ERRORS || errorsOmitted < 0) {
            throw new IllegalArgumentException("at most " + MAX_ERRORS + " errors, and a non-negative count of the rest");
        }
        errors = List.copyOf(errors);
    }

    public Problem(ProblemType type, String detail, String requestId, List<FieldError> errors, Duration retryAfter) {
        this(type, detail, requestId, errors, retryAfter, 0);
    }

    public static Problem of(GatewayException e, String requestId) {
        return new Problem(e.problem(), e.detail(), requestId, e.errors(), e.retryAfter().orElse(null), e.errorsOmitted());
    }

    public Optional<Duration> retryAfterValue() {
        return Optional.ofNullable(retryAfter);
    }
}
