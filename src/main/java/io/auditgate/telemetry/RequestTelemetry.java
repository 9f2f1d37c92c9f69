package io.auditgate.telemetry;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * First in and last out of every request: {@link #start} assigns the request id before anything else runs;
 * {@link #finish}, once the status is known and before the response is written, returns the id in
 * {@code X-Request-Id}, writes the one request log line and updates the metrics.
 */
@ApplicationScoped
public class RequestTelemetry {

    @Inject
    RequestTrace trace;

    @Inject
    RequestLog log;

    @Inject
    RequestMetrics metrics;

    /** Begins the request's trace; returns its id (the client's {@code X-Request-Id} when sane, else a new one). */
    public String start(HttpServletRequest request) {
        var id = RequestIds.accept(request.getHeader(RequestIds.HEADER));
        trace.begin(id, System.nanoTime());
        trace.client(request.getRemoteAddr(), request.getHeader("User-Agent"));
        return id;
    }

    public void finish(HttpServletRequest request, HttpServletResponse response, int status) {
        response.setHeader(RequestIds.HEADER, trace.requestId());
        var latencyNanos = System.nanoTime() - trace.startNanos();
        var outcome = trace.outcome(status);
        log.write(new RequestLog.Line(request.getMethod(), request.getRequestURI(), status, outcome, latencyNanos, trace));
        metrics.record(outcome, latencyNanos);
    }
}
