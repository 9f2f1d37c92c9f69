package io.auditgate.invoke;

import io.auditgate.http.ClientOrigin;
import io.auditgate.core.Gateway;
import io.auditgate.request.Exchange;
import io.auditgate.problem.GatewayException;
import io.auditgate.problem.Problem;
import io.auditgate.problem.ProblemType;
import io.auditgate.problem.ProblemWriter;
import io.auditgate.problem.Problems;
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
 * itself (a {@code WEB-INF} path, an exception outside the gateway's servlets) becomes a problem document instead
 * of Payara's HTML page, and, like every request {@link InvokeServlet} answers, gets its audit record and its one
 * request log line. A request {@link InvokeServlet} already began keeps its own id, record and line. Asked for
 * directly, it is an unknown path like any other.
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
            ProblemWriter.write(new Problem(ProblemType.NOT_FOUND, "No resource at this path.", newId(), List.of(), null),
                    response);
            return;
        }
        response.resetBuffer();
        var begun = request.getAttribute(Exchange.class.getName());
        if (begun instanceof Exchange exchange) { // InvokeServlet's own request: its record and line exist
            ProblemWriter.write(fromContainer(request, exchange.requestId()), response);
            return;
        }
        try {
            var exchange = InvokeServlet.arrived(request, origin);
            InvokeServlet.write(gateway.refuse(exchange, failure(request, exchange.requestId())).join(), response);
        } catch (RuntimeException e) {
            // while the application starts or stops the beans may be unusable: the client still gets its problem
            LOG.warning(() -> "Error page could not record the request (" + e.getClass().getSimpleName() + ")");
            response.resetBuffer();
            ProblemWriter.write(fromContainer(request, newId()), response);
        }
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
