package io.auditgate.problem;

import io.auditgate.telemetry.RequestTrace;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Renders the gateway's own {@link GatewayException}s. */
@Provider
public class ProblemMapper implements ExceptionMapper<GatewayException> {

    @Inject
    RequestTrace trace;

    @Override
    public Response toResponse(GatewayException e) {
        trace.failed(e.problem());
        var response = Problems.respond(Problem.of(e, trace.requestId()));
        if (e.problem() == ProblemType.PAYLOAD_TOO_LARGE) {
            response.header("Connection", "close");
        }
        if (e.problem() == ProblemType.UNAUTHENTICATED) {
            response.header("WWW-Authenticate", "Bearer realm=\"auditgate\"");
        }
        return response.build();
    }
}
