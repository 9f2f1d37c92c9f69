package io.auditgate.telemetry;

import io.auditgate.problem.Outcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * Request counters and latency timers by outcome, and requests and tokens per tenant, served by MP Metrics at
 * {@code /metrics} with a description ({@code # HELP}) each. Latency is recorded in nanoseconds and declared so,
 * which makes the Prometheus output seconds ({@code auditgate_request_latency_seconds}) in every line, quantiles
 * included. Tenant ids come from the tenants policy, so the tenant label has as many values as the policy has
 * tenants (plus {@value #NO_TENANT} for requests refused before a tenant was known); nothing a client sends becomes
 * a label. Each metric is looked up in the registry once, when it first occurs (a look-up builds and hashes an id).
 */
@ApplicationScoped
public class RequestMetrics {

    static final String NO_TENANT = "(unauthenticated)";

    static final Metadata REQUESTS = Metadata.builder().withName("auditgate.requests")
            .withDescription("Requests to /invoke by outcome: ok, rejected (4xx of the client), throttled, upstream_error,"
                    + " unavailable, timeout, error").build();
    static final Metadata LATENCY = Metadata.builder().withName("auditgate.request.latency")
            .withDescription("Time from receipt to reply of requests to /invoke by outcome, in seconds")
            .withUnit(MetricUnits.NANOSECONDS).build();
    static final Metadata TENANT_REQUESTS = Metadata.builder().withName("auditgate.tenant.requests")
            .withDescription("Requests per tenant and outcome (every outcome but ok is a refusal or failure); tenant "
                    + NO_TENANT + " for requests refused before a tenant was known").build();
    static final Metadata TENANT_TOKENS = Metadata.builder().withName("auditgate.tenant.tokens")
            .withDescription("Model tokens per tenant: direction input (prompt) or output (answer), as Bedrock counted them")
            .build();

    /** Every metric this class registers, for tests and the docs. */
    static final List<Metadata> ALL = List.of(REQUESTS, LATENCY, TENANT_REQUESTS, TENANT_TOKENS);

    @Inject
    MetricRegistry registry;

    private final Map<Outcome, Pair> byOutcome = new ConcurrentHashMap<>();
    static final Metadata QUOTA_REFUSALS = Metadata.builder().withName("auditgate.quota.refusals")
            .withDescription("Requests refused by a tenant's limit or budget, per tenant and limit (its policy field)")
            .build();

    private final Map<TenantOutcome, Counter> byTenant = new ConcurrentHashMap<>();
    private final Map<List<String>, Counter> refusals = new ConcurrentHashMap<>();
    private final Map<String, Tokens> tokensByTenant = new ConcurrentHashMap<>();

    private record Pair(Counter requests, Timer latency) {
    }

    private record TenantOutcome(String tenant, Outcome outcome) {
    }

    private record Tokens(Counter input, Counter output) {
    }

    /**
     * Counts one finished request.
     *
     * @param tenant the authenticated tenant (an id of the policy), empty before authentication
     */
    void record(Outcome outcome, long latencyNanos, Optional<String> tenant, int inputTokens, int outputTokens) {
        var pair = byOutcome.computeIfAbsent(outcome, o -> {
            var tag = new Tag("outcome", o.label());
            return new Pair(registry.counter(REQUESTS, tag), registry.timer(LATENCY, tag));
        });
        pair.requests().inc();
        pair.latency().update(Duration.ofNanos(latencyNanos));
        var tenantId = tenant.orElse(NO_TENANT);
        byTenant.computeIfAbsent(new TenantOutcome(tenantId, outcome), k -> registry.counter(TENANT_REQUESTS,
                new Tag("tenant", k.tenant()), new Tag("outcome", k.outcome().label()))).inc();
        if (inputTokens > 0 || outputTokens > 0) {
            var tokens = tokensByTenant.computeIfAbsent(tenantId, t -> new Tokens(
                    registry.counter(TENANT_TOKENS, new Tag("tenant", t), new Tag("direction", "input")),
                    registry.counter(TENANT_TOKENS, new Tag("tenant", t), new Tag("direction", "output"))));
            tokens.input().inc(inputTokens);
            tokens.output().inc(outputTokens);
        }
    }

    /** Counts one request refused by {@code limit} (a policy field name, from a fixed set) of {@code tenant}. */
    void refused(String tenant, String limit) {
        refusals.computeIfAbsent(List.of(tenant, limit), k -> registry.counter(QUOTA_REFUSALS,
                new Tag("tenant", k.get(0)), new Tag("limit", k.get(1)))).inc();
    }
}
