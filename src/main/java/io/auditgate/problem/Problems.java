package io.auditgate.problem;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** Turns a {@link Problem} into the HTTP response every mapper sends. */
final class Problems {

    static final String INTERNAL_DETAIL = "An internal error occurred; quote the request id to the operators.";

    private Problems() {
    }

    static Response.ResponseBuilder respond(Problem problem) {
        var response = Response.status(problem.type().status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem);
        problem.retryAfterValue().ifPresent(after ->
                response.header(HttpHeaders.RETRY_AFTER, Math.max(1, (after.toMillis() + 999) / 1000)));
        return response;
    }
}
