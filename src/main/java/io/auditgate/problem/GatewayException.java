package io.auditgate.problem;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The one exception of the request path. Its detail is written for the client: it must never contain
 * upstream messages, prompt text or secrets.
 */
public class GatewayException extends RuntimeException {

    private final ProblemType problem;
    private final transient List<FieldError> errors;
    private final transient Duration retryAfter;

    public GatewayException(ProblemType problem, String detail) {
        this(problem, detail, List.of(), null);
    }

    public GatewayException(ProblemType problem, String detail, List<FieldError> errors, Duration retryAfter) {
        super(detail, null, false, false);
        this.problem = Objects.requireNonNull(problem, "problem");
        this.errors = List.copyOf(errors);
        this.retryAfter = retryAfter;
    }

    public static GatewayException invalid(List<FieldError> errors) {
        var first = errors.get(0);
        var detail = errors.size() == 1
                ? first.field() + ": " + first.message()
                : first.field() + ": " + first.message() + " (and " + (errors.size() - 1) + " more)";
        return new GatewayException(ProblemType.INVALID_REQUEST, detail, errors, null);
    }

    public ProblemType problem() {
        return problem;
    }

    public String detail() {
        return getMessage();
    }

    public List<FieldError> errors() {
        return errors;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
