package io.auditgate.telemetry;

import io.auditgate.request.Ending;
import io.auditgate.request.RequestObserver;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Telemetry as the core's {@link RequestObserver}: when a request ends, after its audit record and before its
 * response is written, it writes the one request log line and updates the metrics, both from the request's
 * {@link Ending}. It holds no request state.
 */
@ApplicationScoped
public class RequestTelemetry implements RequestObserver {

    @Inject
    RequestLog log;

    @Inject
    RequestMetrics metrics;

    @Override
    public void ended(Ending ending) {
        log.write(ending);
        var usage = ending.usage();
        metrics.record(ending.outcome(), ending.latencyNanos(), ending.exchange().caller().map(c -> c.tenantId()),
                usage.map(u -> u.inputTokens()).orElse(0), usage.map(u -> u.outputTokens()).orElse(0));
        ending.exchange().allowance().ifPresent(allowance -> allowance.verdict().refusedBy().ifPresent(limit ->
                metrics.refused(allowance.tenant(), limit.policyName())));
    }
}
