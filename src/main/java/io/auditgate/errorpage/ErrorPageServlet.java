package io.auditgate.errorpage;

import io.auditgate.http.ClientOrigin;
import io.auditgate.core.Gateway;
import io.auditgate.problem.GatewayException;
import io.auditgate.problem.Problem;
import io.auditgate.problem.ProblemType;
import io.auditgate.problem.Problems;
import io.auditgate.request.Exchange;
import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * The error page of every status and every throwable ({@code WEB-INF/web.xml}): whatever the container answers by
 * itself (a {@code WEB-INF} path, an exception outside the gateway's servlets) becomes, instead of Payara's HTML page,
 * the error its client reads ({@link Surface}: OpenAI's error object for a path under {@code /v1}, a problem document
 * elsewhere), and, like every request an endpoint answers, gets its audit record (naming that surface) and its one
 * request log line. A request an endpoint already began keeps its own id, record and line. Asked for directly, it is
 * an unknown path like any other.
 */
@WebServlet(urlPatterns = ErrorPageServlet.PATH)
public class ErrorPageServlet extends HttpServlet {

    /** The error-page location in {@code web.xml}. */
    static final String PATH = "/.auditgate-problem";

    /** How long a client should wait when the web module is not (or no longer) started. */
    private static final Duration RETRY_STARTING = Duration.ofSeconds(5);

    private static final Logger LOG = Logger.getLogger(ErrorPageServlet.class.getName());

    @Inject
    transient Gateway gateway;

    @Inject
    transient ClientOrigin origin;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getDispatcherType() != DispatcherType.ERROR) {
            write(Surface.INVOKE.prepare(new Problem(ProblemType.NOT_FOUND, "No resource at this path.", newId(),
                    List.of(), null), response), response);
            return;
        }
        response.resetBuffer();
        var uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String sent ? sent
                : request.getRequestURI();
        var surface = Surface.of(uri, request.getContextPath());
        var begun = request.getAttribute(Exchange.class.getName());
        if (begun instanceof Exchange exchange) { // an endpoint's own request: its record and line exist
            write(surface.prepare(exchange, fromContainer(request, exchange.requestId()), response), response);
            return;
        }
        try {
            var exchange = surface.arrived(request, uri, origin);
            var reply = gateway.refuse(exchange, failure(request, exchange.requestId())).join();
            write(surface.prepare(exchange, reply.problem().orElseThrow(), response), response);
        } catch (RuntimeException e) {
            // while the application starts or stops the beans may be unusable: the client still gets its error
            LOG.warning(() -> "Error page could not record the request (" + e.getClass().getSimpleName() + ")");
            response.resetBuffer();
            write(surface.prepare(fromContainer(request, newId()), response), response);
        }
    }

    /** Blocking: the error page answers rare, small errors. */
    private static void write(byte[] body, HttpServletResponse response) throws IOException {
        response.getOutputStream().write(body);
    }

    /** What the container failed with, as the core's refusal: the exception, or the status as a problem. */
    private static Throwable failure(HttpServletRequest request, String id) {
        if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure) {
            return failure;
        }
        var problem = fromContainer(request, id);
        return new GatewayException(problem.type(), problem.detail(), List.of(), problem.retryAfter());
    }

    /** A problem for what the container refused or failed at by itself; its messages are never passed on. */
    static Problem fromContainer(HttpServletRequest request, String id) {
        if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure) {
            return Problems.of(failure, id);
        }
        var status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code ? code : 500;
        var type = typeOf(status);
        return new Problem(type, detailOf(status), id, List.of(), type == ProblemType.STARTING ? RETRY_STARTING : null);
    }

    static ProblemType typeOf(int status) {
        return switch (status) {
            case 404 -> ProblemType.NOT_FOUND;
            case 405 -> ProblemType.METHOD_NOT_ALLOWED;
            case 406 -> ProblemType.NOT_ACCEPTABLE;
            case 408 -> ProblemType.REQUEST_TIMEOUT;
            case 413 -> ProblemType.PAYLOAD_TOO_LARGE;
            case 415 -> ProblemType.UNSUPPORTED_MEDIA_TYPE;
            case 503 -> ProblemType.STARTING;
            default -> status >= 400 && status < 500 ? ProblemType.MALFORMED_REQUEST : ProblemType.INTERNAL_ERROR;
        };
    }

    private static String detailOf(int status) {
        return switch (typeOf(status)) {
            case NOT_FOUND -> "No resource at this path.";
            case METHOD_NOT_ALLOWED -> "Allowed methods: POST.";
            case NOT_ACCEPTABLE -> "This resource answers with application/json only.";
            case REQUEST_TIMEOUT -> "The request body was not received in time.";
            case PAYLOAD_TOO_LARGE -> "The request is too large.";
            case UNSUPPORTED_MEDIA_TYPE -> "Content-Type must be application/json (UTF-8).";
            case STARTING -> "The gateway is starting or stopping; retry shortly.";
            case MALFORMED_REQUEST -> "The HTTP request is malformed.";
            default -> Problems.INTERNAL_DETAIL;
        };
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }
}
