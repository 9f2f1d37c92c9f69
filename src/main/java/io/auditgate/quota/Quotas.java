package io.auditgate.quota;

import com.hazelcast.core.HazelcastInstance;
import io.auditgate.problem.GatewayException;
import io.auditgate.problem.ProblemType;
import io.auditgate.tenant.ModelPrice;
import io.auditgate.tenant.Tenant;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Admission and settlement against a tenant's limits and budgets: the ledger in the data grid, or on this instance
 * alone when {@code quota.ledger=local} or (for a tenant that allows it) when the grid cannot be reached. A tenant
 * without limits or budgets never reaches a ledger. Reservations lapse after {@code bedrock.timeout} and
 * {@code quota.reservation-margin}, so that a dead member's requests in flight free their places.
 */
@ApplicationScoped
public class Quotas {

    private static final Logger LOG = Logger.getLogger(Quotas.class.getName());

    @Inject
    Instance<HazelcastInstance> hazelcast;

    @Inject
    @ConfigProperty(name = "quota.ledger", defaultValue = "grid")
    String ledger;

    @Inject
    @ConfigProperty(name = "quota.grid-timeout", defaultValue = "PT2S")
    Duration gridTimeout;

    @Inject
    @ConfigProperty(name = "bedrock.timeout", defaultValue = "PT30S")
    Duration requestTimeout;

    @Inject
    @ConfigProperty(name = "quota.reservation-margin", defaultValue = "PT2M")
    Duration margin;

    @Inject
    @ConfigProperty(name = "quota.rebuild", defaultValue = "true")
    boolean rebuild;

    private Ledger grid;
    private final Ledger local = new LocalLedger();
    private Clock clock = Clock.systemUTC();
    /** Completes once budgets' spending is known: seeded from the audit trail, or nothing to seed. */
    private final CompletableFuture<Void> spendingKnown = new CompletableFuture<>();

    /** For CDI. */
    public Quotas() {
    }

    /** Wired by hand (flow tests): {@code grid} may be null (every tenant on this instance's ledger). */
    Quotas(Ledger grid, Duration lifetime, Clock clock) {
        this.grid = grid;
        this.requestTimeout = lifetime;
        this.margin = Duration.ZERO;
        this.clock = clock;
        spendingKnown.complete(null);
    }

    /** On this instance alone (flow tests). */
    public static Quotas local(Clock clock) {
        return new Quotas(null, Duration.ofMinutes(2), clock);
    }

    @PostConstruct
    void start() {
        if ("grid".equals(ledger) && hazelcast.isResolvable()) {
            grid = new GridLedger(hazelcast.get(), gridTimeout);
            LOG.info("Quota ledger: the data grid (map " + GridLedger.MAP + ")");
        } else {
            LOG.info("Quota ledger: this instance alone (quota.ledger=" + ledger + ")");
        }
        if (!rebuild) {
            spendingKnown.complete(null);
        }
    }

    /**
     * Reserves the request's estimate ({@code inputTokens} + {@code outputCap} output tokens at {@code price}) on
     * every bucket of {@code tenant} and the key together. Completes with the allowance, admitted or refused; fails
     * with 503 {@code quota-unavailable} when the grid cannot be reached and the tenant's budgets say refuse.
     */
    public CompletableFuture<Allowance> admit(Tenant tenant, String keyId, ModelPrice price, long inputTokens,
                                              int outputCap, String requestId, Executor continuation) {
        var key = tenant.key(keyId).isPresent() ? keyId : "";
        var demand = Pricing.demand(price, inputTokens, outputCap);
        var now = clock.millis();
        var ticket = new Ticket(tenant.id(), requestId, key, demand, now + requestTimeout.plus(margin).toMillis());
        var limits = Limits.of(tenant, key);
        if (tenant.budgets().any() && !spendingKnown.isDone()) {
            // spending not yet rebuilt from the audit trail: wait as for the grid, then as if it were unavailable
            return spendingKnown.copy().orTimeout(gridTimeout.toMillis(), TimeUnit.MILLISECONDS)
                    .handle((known, timedOut) -> timedOut)
                    .thenComposeAsync(timedOut -> timedOut == null
                            ? admit(tenant, keyId, price, inputTokens, outputCap, requestId, continuation)
                            : withoutGrid(tenant, ticket, limits, now, continuation, timedOut)
                                    .thenApply(decided(ticket, inputTokens, price, true)), continuation);
        }
        if (grid == null) {
            return local.reserve(ticket, limits, now, continuation).thenApply(decided(ticket, inputTokens, price, true));
        }
        return grid.reserve(ticket, limits, now, continuation).thenApply(decided(ticket, inputTokens, price, false))
                .exceptionallyCompose(failure -> withoutGrid(tenant, ticket, limits, now, continuation, failure)
                        .thenApply(decided(ticket, inputTokens, price, true)));
    }

    private static Function<Verdict, Allowance> decided(Ticket ticket, long inputTokens, ModelPrice price, boolean local) {
        return verdict -> new Allowance(ticket.tenant(), ticket.id(), ticket.key(), inputTokens, ticket.demand(), price,
                local, verdict);
    }

    private CompletableFuture<Verdict> withoutGrid(Tenant tenant, Ticket ticket, Limits limits, long now,
                                                   Executor continuation, Throwable failure) {
        LOG.log(Level.WARNING, "Quota grid unavailable (or budgets not yet rebuilt) for tenant " + tenant.id() + ": "
                + failure.getClass().getName());
        if (tenant.budgets().any() && !tenant.budgets().localWhenGridUnavailable()) {
            return CompletableFuture.failedFuture(new GatewayException(ProblemType.QUOTA_UNAVAILABLE,
                    "This tenant's budgets cannot be checked right now; retry shortly.", List.of(),
                    Duration.ofSeconds(5)));
        }
        return local.reserve(ticket, limits, now, continuation);
    }

    /**
     * Whether any of {@code tenants} has no entry seeded from the audit trail (every instance restarted, or this is
     * the first): only then is the trail worth reading. Fails when the ledger cannot be reached.
     */
    public CompletableFuture<Boolean> needsRebuild(Collection<String> tenants, Executor continuation) {
        var ledger = grid == null ? local : grid;
        var checks = tenants.stream().map(t -> ledger.rebuilt(t, continuation)).toList();
        return CompletableFuture.allOf(checks.toArray(CompletableFuture[]::new))
                .thenApply(all -> checks.stream().anyMatch(c -> !c.join()));
    }

    /**
     * Seeds every tenant's budget counters with what the audit trail shows it spent ({@link TenantEntry#seed}: an
     * entry seeded before, by another instance, wins), on the grid and on this instance's fallback ledger, then
     * admits budgeted tenants. Fails when the grid cannot be reached (nothing admitted yet: the caller retries).
     */
    public CompletableFuture<Void> seed(Map<String, Spent> spent, Executor continuation) {
        var now = clock.millis();
        spent.forEach((tenant, sums) -> local.seed(tenant, sums, now, continuation));
        var seeds = grid == null ? List.<CompletableFuture<Boolean>>of()
                : spent.entrySet().stream().map(e -> grid.seed(e.getKey(), e.getValue(), now, continuation)).toList();
        return CompletableFuture.allOf(seeds.toArray(CompletableFuture[]::new)).thenRun(this::spendingKnown);
    }

    /** Admits budgeted tenants without seeding (quota.rebuild off, or the trail holds nothing to seed). */
    public void spendingKnown() {
        spendingKnown.complete(null);
    }

    /** Whether budgets' spending is known (for readiness). */
    public boolean isSpendingKnown() {
        return spendingKnown.isDone();
    }

    /**
     * Replaces an admitted reservation by {@code actual}. Never fails the request: if the grid cannot be reached the
     * reservation lapses at its expiry, charged as reserved.
     */
    public void settle(Allowance allowance, Demand actual, Executor continuation) {
        if (!allowance.admitted()) {
            return;
        }
        var ledger = allowance.local() || grid == null ? local : grid;
        ledger.settle(allowance.tenant(), allowance.ticket(), allowance.key(), actual, clock.millis(), continuation)
                .whenComplete((settled, failure) -> {
                    if (failure != null) {
                        LOG.warning(() -> "Quota settlement of " + allowance.ticket() + " failed ("
                                + failure.getClass().getName() + "); its reservation lapses at its expiry");
                    }
                });
    }

    /** The refusal of a request the ledger did not admit: 429 {@code budget-exhausted} or {@code rate-limited}. */
    public static GatewayException refusal(Allowance allowance) {
        var limit = allowance.verdict().refusedBy().orElseThrow();
        var retry = Duration.ofSeconds(Math.max(1, allowance.verdict().retryAfterSeconds()));
        if (limit.budget()) {
            return new GatewayException(ProblemType.BUDGET_EXHAUSTED, "This tenant's " + limit.policyName()
                    + " is spent until the period ends.", List.of(), retry);
        }
        return new GatewayException(ProblemType.RATE_LIMITED, "This request would exceed " + limit.policyName()
                + "; retry later.", List.of(), retry);
    }
}
