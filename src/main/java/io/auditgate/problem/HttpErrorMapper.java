package io.auditgate.problem;

import io.auditgate.telemetry.RequestTrace;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Logger;

/** Renders what JAX-RS itself refuses (unknown path, wrong method, media types) as problems. */
@Provider
public class HttpErrorMapper implements ExceptionMapper<WebApplicationException> {

    private static final Logger LOG = Logger.getLogger(HttpErrorMapper.class.getName());

    @Inject
    RequestTrace trace;

    @Override
    public Response toResponse(WebApplicationException e) {
        var problem = problemFor(e);
        trace.failed(problem.type());
        var response = Problems.respond(problem);
        if (e instanceof NotAllowedException) {
            response.header(HttpHeaders.ALLOW, e.getResponse().getHeaderString(HttpHeaders.ALLOW));
        }
        return response.build();
    }

    private Problem problemFor(WebApplicationException e) {
        if (e instanceof NotFoundException) {
            return problem(ProblemType.NOT_FOUND, "No resource at this path.");
        }
        if (e instanceof NotAllowedException) {
            return problem(ProblemType.METHOD_NOT_ALLOWED, "Allowed methods: " + e.getResponse().getHeaderString(HttpHeaders.ALLOW) + ".");
        }
        if (e instanceof NotSupportedException) {
            return problem(ProblemType.UNSUPPORTED_MEDIA_TYPE, "Send the request body as application/json.");
        }
        if (e instanceof NotAcceptableException) {
            return problem(ProblemType.NOT_ACCEPTABLE, "This resource answers with application/json only.");
        }
        var status = e.getResponse().getStatus();
        if (status >= 400 && status < 500) {
            return problem(ProblemType.INVALID_REQUEST, "The request was refused by the HTTP layer (status " + status + ").");
        }
        LOG.severe("Unexpected HTTP-layer failure for request " + trace.requestId() + ": " + Failures.describe(e));
        return problem(ProblemType.INTERNAL_ERROR, Problems.INTERNAL_DETAIL);
    }

    private Problem problem(ProblemType type, String detail) {
        return new Problem(type, detail, trace.requestId(), java.util.List.of(), null);
    }
}
