package io.auditgate.telemetry;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import jakarta.servlet.http.HttpServletRequest;

/**
 * First in and last out of every request: assigns the request id before anything else runs, and on the way
 * out returns it in {@code X-Request-Id}, writes the one request log line and updates the metrics.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 500)
public class RequestLogFilter implements ContainerRequestFilter, ContainerResponseFilter {

    @Inject
    RequestTrace trace;

    @Inject
    RequestLog log;

    @Inject
    RequestMetrics metrics;

    @Context
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        trace.begin(RequestIds.accept(request.getHeaderString(RequestIds.HEADER)), System.nanoTime());
        trace.client(servletRequest == null ? null : servletRequest.getRemoteAddr(), request.getHeaderString("User-Agent"));
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (trace.requestId() == null) {
            trace.begin(RequestIds.accept(null), System.nanoTime());
        }
        response.getHeaders().putSingle(RequestIds.HEADER, trace.requestId());
        var latencyNanos = System.nanoTime() - trace.startNanos();
        var status = response.getStatus();
        var outcome = trace.outcome(status);
        log.write(new RequestLog.Line(request.getMethod(), request.getUriInfo().getPath(), status, outcome, latencyNanos, trace));
        metrics.record(outcome, latencyNanos);
    }
}
