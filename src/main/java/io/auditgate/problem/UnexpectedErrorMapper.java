package io.auditgate.problem;

import io.auditgate.telemetry.RequestTrace;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.logging.Logger;

/**
 * The last line of defence: a bug. The client gets a generic 500 problem with the request id, never a stack
 * trace; operators get the stack trace in the server log.
 */
@Provider
public class UnexpectedErrorMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedErrorMapper.class.getName());

    @Inject
    RequestTrace trace;

    @Override
    public Response toResponse(Throwable e) {
        LOG.severe("Unexpected failure for request " + trace.requestId() + ": " + Failures.describe(e));
        trace.failed(ProblemType.INTERNAL_ERROR);
        var problem = new Problem(ProblemType.INTERNAL_ERROR,
                Problems.INTERNAL_DETAIL, trace.requestId(), List.of(), null);
        return Problems.respond(problem).build();
    }
}
