package io.auditgate.quota;

import java.util.HashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;

/**
 * The buckets on this instance alone: for flow tests, and for tenants whose policy says {@code
 * when_grid_unavailable: local} while the grid cannot be reached. {@link ConcurrentMap#compute} makes each tenant's
 * update atomic; everything completes at once on the calling thread.
 */
final class LocalLedger implements Ledger {

    private final ConcurrentMap<String, HashMap<String, long[]>> tenants = new ConcurrentHashMap<>();

    @Override
    public CompletableFuture<Verdict> reserve(Ticket ticket, Limits limits, long nowMillis, Executor continuation) {
        var verdict = new Verdict[1];
        tenants.compute(ticket.tenant(), (tenant, state) -> {
            var entry = state == null ? new HashMap<String, long[]>() : state;
            verdict[0] = TenantEntry.reserve(entry, limits, ticket, nowMillis);
            return entry;
        });
        return CompletableFuture.completedFuture(verdict[0]);
    }

    @Override
    public CompletableFuture<Boolean> settle(String tenant, String ticketId, String keyId, Demand actual, long nowMillis,
                                             Executor continuation) {
        var settled = new boolean[1];
        tenants.computeIfPresent(tenant, (t, state) -> {
            settled[0] = TenantEntry.settle(state, ticketId, keyId, actual, nowMillis);
            return state;
        });
        return CompletableFuture.completedFuture(settled[0]);
    }

    @Override
    public CompletableFuture<Boolean> seed(String tenant, Spent spent, long nowMillis, Executor continuation) {
        var seeded = new boolean[1];
        tenants.compute(tenant, (t, state) -> {
            var entry = state == null ? new HashMap<String, long[]>() : state;
            seeded[0] = TenantEntry.seed(entry, spent.toArray(), nowMillis);
            return entry;
        });
        return CompletableFuture.completedFuture(seeded[0]);
    }

    @Override
    public CompletableFuture<Boolean> rebuilt(String tenant, Executor continuation) {
        var rebuilt = new boolean[1];
        tenants.computeIfPresent(tenant, (t, state) -> {
            rebuilt[0] = TenantEntry.rebuilt(state);
            return state;
        });
        return CompletableFuture.completedFuture(rebuilt[0]);
    }

    /** Requests of {@code tenant} in flight (tests). */
    long inFlight(String tenant) {
        var state = tenants.get(tenant);
        return state == null ? 0 : TenantEntry.inFlight(state);
    }
}
