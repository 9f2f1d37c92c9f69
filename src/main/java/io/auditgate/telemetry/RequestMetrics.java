package io.auditgate.telemetry;

import io.auditgate.problem.Outcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/** Request counters and latency timers by outcome, served by MP Metrics at {@code /metrics}. */
@ApplicationScoped
public class RequestMetrics {

    static final String REQUESTS = "auditgate.requests";
    static final String LATENCY = "auditgate.request.latency";

    @Inject
    MetricRegistry registry;

    void record(Outcome outcome, long latencyNanos) {
        var tag = new Tag("outcome", outcome.label());
        registry.counter(REQUESTS, tag).inc();
        registry.timer(LATENCY, tag).update(Duration.ofNanos(latencyNanos));
    }
}
