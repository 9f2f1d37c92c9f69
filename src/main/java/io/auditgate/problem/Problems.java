package io.auditgate.problem;

import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.logging.Logger;

/** What any failure of a request becomes: its own problem, or (a bug) a generic 500 logged for operators. */
public final class Problems {

    private static final Logger LOG = Logger.getLogger(Problems.class.getName());

    public static final String INTERNAL_DETAIL = "An internal error occurred; quote the request id to the operators.";

    private Problems() {
    }

    /**
     * The problem to send for {@code failure}: a {@link GatewayException} as it says; anything else is the last line of
     * defence, a generic 500 with the request id for the client (never a stack trace) and the stack trace, without
     * messages, in the server log. A failure inside {@link CompletionException}s (a future's) is judged by itself.
     */
    public static Problem of(Throwable failure, String requestId) {
        failure = cause(failure);
        if (failure instanceof GatewayException e) {
            return Problem.of(e, requestId);
        }
        LOG.severe("Unexpected failure for request " + requestId + ": " + Failures.describe(failure));
        return new Problem(ProblemType.INTERNAL_ERROR, INTERNAL_DETAIL, requestId, List.of(), null);
    }

    /** The failure itself, out of the {@link CompletionException}s that futures wrap around it on the way. */
    public static Throwable cause(Throwable failure) {
        var cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
