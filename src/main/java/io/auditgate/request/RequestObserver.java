package io.auditgate.request;

/**
 * Observes requests through explicit calls from the core, the way OkHttp's {@code EventListener} observes a call:
 * nothing is read from a shared scope, and every call carries the value it is about. Telemetry (the request log and
 * metrics) is the observer; calls come on whatever thread the request is on, so implementations are thread-safe
 * and quick (they never block a request).
 */
public interface RequestObserver {

    /** The request arrived (its id exists); before anything of it is checked. */
    default void started(Exchange exchange) {
    }

    /** The request ended, answered or refused: once per request, after its audit record was made or attempted. */
    void ended(Ending ending);
}
