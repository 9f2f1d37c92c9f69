package io.auditgate.quota;

import com.hazelcast.config.InMemoryFormat;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.MergePolicyConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import java.time.Duration;
import java.util.HashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * The buckets in Payara's data grid: one {@link IMap} entry per tenant, holding all its buckets and its keys', updated
 * by {@link ReserveOnOwner} and {@link SettleOnOwner} on the member that owns it, with one synchronous backup. In a
 * healthy cluster admission is exact: every member's requests go through the same entry, one operation at a time. A
 * member that dies takes no state with it (its backup becomes the owner); its requests in flight lapse at their expiry.
 * <p>
 * {@code submitToKey} so that no thread waits for the owner; what follows continues on {@code continuation}. A call
 * that does not complete within {@code timeout} fails (the grid is unavailable to this member).
 */
final class GridLedger implements Ledger {

    static final String MAP = "auditgate-quota";
    private static final Logger LOG = Logger.getLogger(GridLedger.class.getName());

    private final IMap<String, HashMap<String, long[]>> map;
    private final Duration timeout;

    GridLedger(HazelcastInstance grid, Duration timeout) {
        configure(grid);
        this.map = grid.getMap(MAP);
        this.timeout = timeout;
    }

    /**
     * Entries kept as objects ({@link InMemoryFormat#OBJECT}): an entry holds one {@code long[]} per request in flight,
     * and in the default binary format every reserve and settle deserialized and serialized all of them on the
     * partition thread, work that grew with the requests in flight (docs/performance.md, "Issue 18: a metered
     * tenant"). One synchronous backup (also Hazelcast's default; said here so that it cannot silently change), and
     * after a split brain the larger consumption of both sides ({@link LargerConsumption}). A member that joined a cluster
     * where the map is configured already keeps that configuration (logged).
     */
    private static void configure(HazelcastInstance grid) {
        try {
            grid.getConfig().addMapConfig(new MapConfig(MAP).setBackupCount(1).setAsyncBackupCount(0)
                    .setInMemoryFormat(InMemoryFormat.OBJECT)
                    .setMergePolicyConfig(new MergePolicyConfig(LargerConsumption.class.getName(),
                            MergePolicyConfig.DEFAULT_BATCH_SIZE)));
        } catch (RuntimeException e) {
            LOG.warning(() -> "Quota map configuration kept as the cluster has it: " + e.getClass().getName());
        }
    }

    @Override
    public CompletableFuture<Verdict> reserve(Ticket ticket, Limits limits, long nowMillis, Executor continuation) {
        return call(() -> map.submitToKey(ticket.tenant(), new ReserveOnOwner(ticket, limits, nowMillis)), continuation)
                .thenApply(Verdict::of);
    }

    @Override
    public CompletableFuture<Boolean> settle(String tenant, String ticketId, String keyId, Demand actual, long nowMillis,
                                             Executor continuation) {
        return call(() -> map.submitToKey(tenant, new SettleOnOwner(ticketId, keyId, actual, nowMillis)), continuation);
    }

    @Override
    public CompletableFuture<Boolean> seed(String tenant, Spent spent, long nowMillis, Executor continuation) {
        return call(() -> map.submitToKey(tenant, new SeedOnOwner(spent, nowMillis)), continuation);
    }

    @Override
    public CompletableFuture<Boolean> rebuilt(String tenant, Executor continuation) {
        return call(() -> map.submitToKey(tenant, new IsRebuilt()), continuation);
    }

    /**
     * Runs {@code operation} and completes the returned future on {@code continuation}, never on Hazelcast's default
     * executor: Hazelcast hands an invocation's completion to the common {@code ForkJoinPool} only while its
     * parallelism is above 1, and otherwise starts a platform thread per completion (2 vCPUs: parallelism 1; seen in
     * the profile of docs/performance.md, "Issue 18: a metered tenant", though the collapse there was the binary
     * format, see {@link #configure}). The timeout fails the returned copy, not Hazelcast's own future, so a late
     * completion is simply dropped (an operation that ran late lapses at its reservation's expiry) instead of logging
     * a stack trace.
     */
    private <R> CompletableFuture<R> call(Supplier<CompletionStage<R>> operation, Executor continuation) {
        var done = new CompletableFuture<R>();
        try {
            operation.get().whenCompleteAsync((result, failure) -> {
                if (failure != null) {
                    done.completeExceptionally(failure);
                } else {
                    done.complete(result);
                }
            }, continuation);
        } catch (RuntimeException e) { // the instance is shut down, or not yet joined
            done.completeExceptionally(e);
            return done;
        }
        CompletableFuture.delayedExecutor(timeout.toMillis(), TimeUnit.MILLISECONDS, continuation)
                .execute(() -> done.completeExceptionally(new TimeoutException("quota grid: no answer within " + timeout)));
        return done;
    }
}
