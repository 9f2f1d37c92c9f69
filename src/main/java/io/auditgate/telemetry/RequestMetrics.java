package io.auditgate.telemetry;

import io.auditgate.problem.Outcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * Request counters and latency timers by outcome, served by MP Metrics at {@code /metrics}. Each outcome's pair is
 * looked up in the registry once, when it first occurs (a registry look-up builds and hashes a metric id).
 */
@ApplicationScoped
public class RequestMetrics {

    static final String REQUESTS = "auditgate.requests";
    static final String LATENCY = "auditgate.request.latency";

    @Inject
    MetricRegistry registry;

    private final Map<Outcome, Pair> byOutcome = new ConcurrentHashMap<>();

    private record Pair(Counter requests, Timer latency) {
    }

    void record(Outcome outcome, long latencyNanos) {
        var pair = byOutcome.computeIfAbsent(outcome, o -> {
            var tag = new Tag("outcome", o.label());
            return new Pair(registry.counter(REQUESTS, tag), registry.timer(LATENCY, tag));
        });
        pair.requests().inc();
        pair.latency().update(Duration.ofNanos(latencyNanos));
    }
}
