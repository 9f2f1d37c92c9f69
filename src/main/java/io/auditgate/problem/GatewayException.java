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
    private final int errorsOmitted;

    public GatewayException(ProblemType problem, String detail) {
        this(problem, detail, List.of(), null);
    }

    public GatewayException(ProblemType problem, String detail, List<FieldError> errors, Duration retryAfter) {
        this(problem, detail, errors, retryAfter, 0);
    }

    private GatewayException(ProblemType problem, String detail, List<FieldError> errors, Duration retryAfter,
                             int errorsOmitted) {
        super(detail, null, false, false);
        this.problem = Objects.requireNonNull(problem, "problem");
        this.errors = List.copyOf(errors.subList(0, Math.min(errors.size(), Problem.MAX_ERRORS)));
        this.retryAfter = retryAfter;
        this.errorsOmitted = errorsOmitted + errors.size() - this.errors.size();
    }

    /** A 400 {@code invalid-request} listing every refused field, or the first {@link Problem#MAX_ERRORS} of them. */
    public static GatewayException invalid(List<FieldError> errors) {
        return invalid(errors, 0);
    }

    /**
     * As {@link #invalid(List)}, where {@code alreadyOmitted} more errors were found but not kept: the answer lists at
     * most {@link Problem#MAX_ERRORS} and counts the rest, so that its size is bounded whatever the request holds.
     */
    public static GatewayException invalid(List<FieldError> errors, int alreadyOmitted) {
        var first = errors.get(0);
        var total = errors.size() + alreadyOmitted;
        var detail = total == 1
                ? first.field() + ": " + first.message()
                : first.field() + ": " + first.message() + " (and " + (total - 1) + " more)";
        return new GatewayException(ProblemType.INVALID_REQUEST, detail, errors, null, alreadyOmitted);
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

    /** How many refused fields the answer counts but does not list. */
    public int errorsOmitted() {
        return errorsOmitted;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
