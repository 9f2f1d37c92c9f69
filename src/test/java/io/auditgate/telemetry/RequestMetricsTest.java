package io.auditgate.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditgate.problem.Outcome;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;
import org.junit.jupiter.api.Test;

/** What RequestMetrics registers and counts, against a registry that records registrations (MP's is an interface). */
class RequestMetricsTest {

    private final Map<String, Long> counts = new TreeMap<>();
    private final Map<String, Metadata> registered = new LinkedHashMap<>();
    private final List<Duration> latencies = new ArrayList<>();
    private final RequestMetrics metrics = new RequestMetrics();

    RequestMetricsTest() {
        metrics.registry = (MetricRegistry) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {MetricRegistry.class}, (proxy, method, args) -> {
                    var metadata = (Metadata) args[0];
                    var id = metadata.getName() + Arrays.stream((Tag[]) args[1]).map(t -> t.getTagName() + "=" + t.getTagValue())
                            .collect(Collectors.joining(", ", "[", "]"));
                    registered.put(id, metadata);
                    return switch (method.getName()) {
                        case "counter" -> counter(id);
                        case "timer" -> timer();
                        default -> throw new UnsupportedOperationException(method.getName());
                    };
                });
    }

    private Counter counter(String id) {
        counts.putIfAbsent(id, 0L);
        return new Counter() {
            @Override
            public void inc() {
                inc(1);
            }

            @Override
            public void inc(long n) {
                counts.merge(id, n, Long::sum);
            }

            @Override
            public long getCount() {
                return counts.get(id);
            }
        };
    }

    private Timer timer() {
        return (Timer) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Timer.class}, (p, m, a) -> {
            if (m.getName().equals("update")) {
                latencies.add((Duration) a[0]);
                return null;
            }
            throw new UnsupportedOperationException(m.getName());
        });
    }

    @Test
    void countsRequestsAndTokensPerTenantAndOutcome() {
        metrics.record(Outcome.OK, 1_000, Optional.of("acme"), 13, 50);
        metrics.record(Outcome.OK, 1_000, Optional.of("acme"), 7, 20);
        metrics.record(Outcome.REJECTED, 1_000, Optional.of("acme"), 0, 0);
        metrics.record(Outcome.OK, 1_000, Optional.of("globex"), 1, 2);

        assertThat(counts).containsEntry("auditgate.tenant.requests[tenant=acme, outcome=ok]", 2L)
                .containsEntry("auditgate.tenant.requests[tenant=acme, outcome=rejected]", 1L)
                .containsEntry("auditgate.tenant.requests[tenant=globex, outcome=ok]", 1L)
                .containsEntry("auditgate.tenant.tokens[tenant=acme, direction=input]", 20L)
                .containsEntry("auditgate.tenant.tokens[tenant=acme, direction=output]", 70L)
                .containsEntry("auditgate.tenant.tokens[tenant=globex, direction=input]", 1L)
                .containsEntry("auditgate.tenant.tokens[tenant=globex, direction=output]", 2L)
                .containsEntry("auditgate.requests[outcome=ok]", 3L)
                .containsEntry("auditgate.requests[outcome=rejected]", 1L);
    }

    @Test
    void requestsRefusedBeforeATenantWasKnownCountUnderNoTenant() {
        metrics.record(Outcome.REJECTED, 1_000, Optional.empty(), 0, 0);

        assertThat(counts).containsEntry("auditgate.tenant.requests[tenant=(unauthenticated), outcome=rejected]", 1L)
                .doesNotContainKey("auditgate.tenant.tokens[tenant=(unauthenticated), direction=input]");
    }

    @Test
    void latencyIsDeclaredInNanosecondsSoPrometheusShowsSeconds() {
        metrics.record(Outcome.OK, 250_000_000, Optional.of("acme"), 1, 1);

        assertThat(latencies).containsExactly(Duration.ofMillis(250));
        assertThat(registered.get("auditgate.request.latency[outcome=ok]").unit()).contains(MetricUnits.NANOSECONDS);
    }

    @Test
    void everyMetricHasADescriptionForItsHelpLine() {
        metrics.record(Outcome.OK, 1_000, Optional.of("acme"), 1, 1);
        metrics.record(Outcome.THROTTLED, 1_000, Optional.empty(), 0, 0);

        assertThat(registered.values()).extracting(Metadata::getName).containsOnly("auditgate.requests",
                "auditgate.request.latency", "auditgate.tenant.requests", "auditgate.tenant.tokens");
        assertThat(registered.values()).allSatisfy(m -> assertThat(m.description()).hasValueSatisfying(
                d -> assertThat(d).hasSizeGreaterThan(20)));
        assertThat(RequestMetrics.ALL).extracting(Metadata::getName).containsExactlyInAnyOrderElementsOf(
                registered.values().stream().map(Metadata::getName).distinct().toList());
    }

    @Test
    void latencyIsConfiguredAsAHistogramInSecondsWithoutNanosecondQuantiles() throws IOException {
        var config = new Properties();
        try (var in = Files.newInputStream(Path.of("src/main/resources/META-INF/microprofile-config.properties"))) {
            config.load(in);
        }

        assertThat(config.getProperty("mp.metrics.distribution.percentiles")).isEqualTo(RequestMetrics.LATENCY.getName() + "=");
        assertThat(config.getProperty("mp.metrics.distribution.timer.buckets"))
                .startsWith(RequestMetrics.LATENCY.getName() + "=5ms,").endsWith(",30s");
    }

    @Test
    void quotaRefusalsAreCountedPerTenantAndLimit() {
        metrics.refused("acme", "limits.requests_per_minute");
        metrics.refused("acme", "limits.requests_per_minute");
        metrics.refused("acme", "budgets.tokens_per_day");

        assertThat(counts).containsEntry("auditgate.quota.refusals[tenant=acme, limit=limits.requests_per_minute]", 2L)
                .containsEntry("auditgate.quota.refusals[tenant=acme, limit=budgets.tokens_per_day]", 1L);
    }
}
