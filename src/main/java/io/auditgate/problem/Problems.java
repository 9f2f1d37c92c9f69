package io.auditgate.problem;

import java.util.List;
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
     * messages, in the server log.
     */
    public static Problem of(Throwable failure, String requestId) {
        if (failure instanceof GatewayException e) {
            return Problem.of(e, requestId);
        }
        LOG.severe("Unexpected failure for request " + requestId + ": " + Failures.describe(failure));
        return new Problem(ProblemType.INTERNAL_ERROR, INTERNAL_DETAIL, requestId, List.of(), null);
    }
}
