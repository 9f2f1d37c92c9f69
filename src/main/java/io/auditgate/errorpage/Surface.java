package io.auditgate.errorpage;

import io.auditgate.http.IdHeaders;
import io.auditgate.http.ClientOrigin;
import io.auditgate.problem.OpenAiErrors;
import io.auditgate.problem.Problem;
import io.auditgate.problem.ProblemType;
import io.auditgate.problem.ProblemWriter;
import io.auditgate.request.Exchange;
import io.auditgate.request.RequestIds;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The API a path the container answered belongs to, and so the error shape its client reads: {@code /v1} and below
 * is the OpenAI-compatible API (OpenAI's error object, as its SDKs expect), every other path {@code /invoke}'s
 * (problem+json). Decided from the path as the client sent it, before the container's error dispatch.
 */
enum Surface {

    INVOKE("invoke"), OPENAI("openai");

    private static final String OPENAI_ROOT = "/v1";

    private final String name;

    Surface(String name) {
        this.name = name;
    }

    /** {@code uri}: the request URI as sent ({@code jakarta.servlet.error.request_uri}), context path included. */
    static Surface of(String uri, String contextPath) {
        if (uri == null) {
            return INVOKE;
        }
        var context = contextPath == null ? "" : contextPath;
        var path = uri.startsWith(context) ? uri.substring(context.length()) : uri;
        return path.equals(OPENAI_ROOT) || path.startsWith(OPENAI_ROOT + "/") ? OPENAI : INVOKE;
    }

    /** The request as it arrived through this surface: the client's headers bounded, as the endpoint would take them. */
    Exchange arrived(HttpServletRequest request, String uri, ClientOrigin origin) {
        var retries = this == OPENAI ? request.getHeader(Exchange.Client.RETRY_COUNT_HEADER) : null;
        return Exchange.arrived(name, request.getMethod(), uri, origin.of(request, Exchange.Client.of(
                request.getRemoteAddr(), request.getHeader("User-Agent"), request.getHeader(RequestIds.HEADER), retries)));
    }

    /** Sets the status and headers (the request's ids first when it has an exchange) and returns the body to write. */
    byte[] prepare(Problem problem, HttpServletResponse response) {
        if (this == OPENAI) {
            return OpenAiErrors.prepare(problem, response);
        }
        if (problem.type() == ProblemType.METHOD_NOT_ALLOWED) {
            response.setHeader("Allow", "POST");
        }
        return ProblemWriter.prepare(problem, response);
    }

    byte[] prepare(Exchange exchange, Problem problem, HttpServletResponse response) {
        IdHeaders.set(response, exchange);
        return prepare(problem, response);
    }
}
