package io.auditgate.invoke;

import io.auditgate.audit.AuditTrail;
import io.auditgate.auth.Authentication;
import io.auditgate.problem.GatewayException;
import io.auditgate.problem.Problem;
import io.auditgate.problem.ProblemType;
import io.auditgate.problem.ProblemWriter;
import io.auditgate.problem.Problems;
import io.auditgate.telemetry.RequestTelemetry;
import io.auditgate.telemetry.RequestTrace;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;

/**
 * Every request to the gateway, in the order its steps run: request id, route (404, 405, 406), authentication
 * (401), body (415, 413, 400), the request's fields (400), {@link InvokePipeline}; then, with the status known and
 * before anything is written, the audit record of a refused request, the request log line and metrics, and last
 * the JSON answer or the problem. A plain servlet rather than JAX-RS: the same steps cost about a tenth of the
 * gateway's CPU per request in Jersey's machinery (docs/performance.md).
 */
@WebServlet(urlPatterns = "/*", loadOnStartup = 1)
public class InvokeServlet extends HttpServlet {

    static final String PATH = "/invoke";
    private static final String JSON = "application/json";

    @Inject
    transient RequestTelemetry telemetry;

    @Inject
    transient RequestTrace trace;

    @Inject
    transient Authentication authentication;

    @Inject
    transient InvokeBody body;

    @Inject
    transient InvokeRequestParser parser;

    @Inject
    transient InvokePipeline pipeline;

    @Inject
    transient AuditTrail audit;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var requestId = telemetry.start(request);
        byte[] answer = null;
        Problem problem = null;
        try {
            answer = InvokeResponseWriter.bytes(invoke(request, requestId));
        } catch (RuntimeException | Error e) {
            problem = Problems.of(e, requestId);
            trace.failed(problem.type());
        }
        var status = problem == null ? HttpServletResponse.SC_OK : problem.type().status();
        audit.recordIfRefused(status);
        telemetry.finish(request, response, status);
        if (problem != null) {
            if (problem.type() == ProblemType.METHOD_NOT_ALLOWED) {
                response.setHeader("Allow", "POST");
            }
            ProblemWriter.write(problem, response);
        } else {
            response.setStatus(status);
            response.setContentType(JSON);
            response.setContentLength(answer.length);
            response.getOutputStream().write(answer);
        }
    }

    private InvokeResponse invoke(HttpServletRequest request, String requestId) {
        route(request);
        var caller = authentication.authenticate(request);
        var json = body.read(request.getContentType(), request.getHeader("Content-Length"), input(request));
        return pipeline.invoke(caller, parser.parse(json, requestId));
    }

    /** Only {@code POST /invoke} exists, answering JSON; checked before authentication, as any unknown path is. */
    private static void route(HttpServletRequest request) {
        var path = request.getPathInfo(); // decoded and normalised by the container
        if (!PATH.equals(path) && !(PATH + "/").equals(path)) {
            throw new GatewayException(ProblemType.NOT_FOUND, "No resource at this path.");
        }
        if (!"POST".equals(request.getMethod())) {
            throw new GatewayException(ProblemType.METHOD_NOT_ALLOWED, "Allowed methods: POST.");
        }
        if (!Acceptable.json(request.getHeader("Accept"))) {
            throw new GatewayException(ProblemType.NOT_ACCEPTABLE, "This resource answers with application/json only.");
        }
    }

    private static InputStream input(HttpServletRequest request) {
        try {
            return request.getInputStream();
        } catch (IOException e) {
            throw new GatewayException(ProblemType.INVALID_JSON, "The request body could not be read completely.");
        }
    }
}
