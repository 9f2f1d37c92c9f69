package io.auditgate.problem;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** An RFC 9457 problem document as the gateway sends it; written by {@link ProblemWriter}; made by {@link Problems#of}. */
public record Problem(ProblemType type, String detail, String requestId, List<FieldError> errors, Duration retryAfter) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(detail, "detail");
        errors = List.copyOf(errors);
    }

    public static Problem of(GatewayException e, String requestId) {
        return new Problem(e.problem(), e.detail(), requestId, e.errors(), e.retryAfter().orElse(null));
    }

    public Optional<Duration> retryAfterValue() {
        return Optional.ofNullable(retryAfter);
    }
}
