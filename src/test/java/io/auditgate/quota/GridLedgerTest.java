package io.auditgate.quota;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditgate.problem.GatewayException;
import io.auditgate.problem.ProblemType;
import io.auditgate.tenant.Budgets;
import io.auditgate.tenant.KeyLimits;
import io.auditgate.tenant.ModelPrice;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The grid ledger on two real Hazelcast members in this JVM over loopback TCP: the entry processor is serialized to
 * the key's owner, so a test that reserves from both members goes through real serialization at least once.
 */
class GridLedgerTest {

    /** Generous: a member's death holds its operations for a moment while the backup takes over. */
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private final ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    private static Ticket ticket(String id, long now) {
        return new Ticket("acme", id, TenantEntryTest.KEY, new Demand(10, 10, 0), now + 60_000);
    }

    private int admitted(GridLedger first, GridLedger second, Limits limits, int requests, long now, String prefix) {
        var verdicts = new ArrayList<CompletableFuture<Verdict>>();
        for (int i = 0; i < requests; i++) {
            var ledger = i % 2 == 0 ? first : second;
            var ticket = ticket(prefix + i, now);
            verdicts.add(CompletableFuture.supplyAsync(() -> ledger.reserve(ticket, limits, now, pool), pool)
                    .thenCompose(v -> v));
        }
        return (int) verdicts.stream().map(CompletableFuture::join).filter(Verdict::admitted).count();
    }

    @Test
    void twentyPerMinuteAdmitExactlyTwentyOfSixtyConcurrentRequestsFromBothMembers() {
        try (var grid = GridMembers.start(2)) {
            var owner = grid.ownerOf("acme");
            var onOwner = new GridLedger(owner, TIMEOUT);
            var elsewhere = new GridLedger(grid.other(owner), TIMEOUT);
            var limits = Limits.of(TenantEntryTest.perMinute(20), TenantEntryTest.KEY);
            var now = System.currentTimeMillis();

            assertThat(admitted(onOwner, elsewhere, limits, 60, now, "r")).isEqualTo(20);
            HashMap<String, long[]> state = owner.<String, HashMap<String, long[]>>getMap(GridLedger.MAP).get("acme");
            assertThat(TenantEntry.inFlight(state)).isEqualTo(20);
            assertThat(state.getClass()).isEqualTo(HashMap.class);
        }
    }

    /**
     * Every answer continues on the caller's executor: never on a Hazelcast thread, nor on a platform thread Hazelcast
     * starts per completion when the common pool has one thread (2 vCPUs), which made a metered tenant collapse under
     * load (docs/performance.md, "Issue 18: a metered tenant").
     */
    @Test
    void everyAnswerContinuesOnTheCallersExecutor() throws Exception {
        try (var grid = GridMembers.start(2)) {
            var owner = grid.ownerOf("acme");
            var limits = Limits.of(TenantEntryTest.perMinute(1_000), TenantEntryTest.KEY);
            var now = System.currentTimeMillis();
            // the caller's executor holds each task until the test has chained onto the answer, then runs it
            var handed = new java.util.concurrent.LinkedBlockingQueue<Runnable>();
            var threads = new java.util.concurrent.ConcurrentLinkedQueue<String>();

            for (var ledger : java.util.List.of(new GridLedger(owner, TIMEOUT), new GridLedger(grid.other(owner), TIMEOUT))) {
                for (int i = 0; i < 10; i++) {
                    var id = ledger.hashCode() + "-" + i;
                    var reserved = ledger.reserve(ticket(id, now), limits, now, handed::add)
                            .thenRun(() -> threads.add(Thread.currentThread().getName()));
                    Thread.ofVirtual().name("continuation").start(handed.poll(5, java.util.concurrent.TimeUnit.SECONDS)).join();
                    reserved.join();
                    var settled = ledger.settle("acme", id, TenantEntryTest.KEY, Demand.NONE, now, handed::add)
                            .thenRun(() -> threads.add(Thread.currentThread().getName()));
                    Thread.ofVirtual().name("continuation").start(handed.poll(5, java.util.concurrent.TimeUnit.SECONDS)).join();
                    settled.join();
                }
            }

            assertThat(threads).hasSize(40).allMatch("continuation"::equals);
        }
    }

    @Test
    void settlementFromTheOtherMemberEndsTheRequestInFlightOnce() {
        try (var grid = GridMembers.start(2)) {
            var owner = grid.ownerOf("acme");
            var onOwner = new GridLedger(owner, TIMEOUT);
            var elsewhere = new GridLedger(grid.other(owner), TIMEOUT);
            var tenant = TenantEntryTest.tenant(Long.MAX_VALUE, Long.MAX_VALUE, 1, Budgets.NONE, KeyLimits.NONE);
            var limits = Limits.of(tenant, TenantEntryTest.KEY);
            var now = System.currentTimeMillis();
            assertThat(onOwner.reserve(ticket("a", now), limits, now, pool).join().admitted()).isTrue();
            assertThat(elsewhere.reserve(ticket("b", now), limits, now, pool).join().refusedBy())
                    .contains(Limit.MAX_CONCURRENT_REQUESTS);
            assertThat(elsewhere.settle("acme", "a", TenantEntryTest.KEY, Demand.NONE, now, pool).join()).isTrue();
            assertThat(onOwner.settle("acme", "a", TenantEntryTest.KEY, Demand.NONE, now, pool).join()).isFalse();
            assertThat(elsewhere.reserve(ticket("c", now), limits, now, pool).join().admitted()).isTrue();
        }
    }

    @Test
    void whenTheOwnerDiesItsBackupKeepsEveryReservationAndNothingIsSpentTwice() {
        try (var grid = GridMembers.start(2)) {
            var owner = grid.ownerOf("acme");
            var survivor = grid.other(owner);
            var onOwner = new GridLedger(owner, TIMEOUT);
            var onSurvivor = new GridLedger(survivor, TIMEOUT);
            var limits = Limits.of(TenantEntryTest.perMinute(50), TenantEntryTest.KEY);
            var now = System.currentTimeMillis();
            assertThat(admitted(onOwner, onSurvivor, limits, 30, now, "before")).isEqualTo(30);

            owner.getLifecycleService().terminate();

            assertThat(admitted(onSurvivor, onSurvivor, limits, 60, now + 1000, "after")).isEqualTo(20);
            HashMap<String, long[]> state = survivor.<String, HashMap<String, long[]>>getMap(GridLedger.MAP).get("acme");
            assertThat(TenantEntry.inFlight(state)).isEqualTo(50);
        }
    }

    @Test
    void withoutTheGridATenantWithBudgetsIsRefusedUnlessItAllowsLocalEnforcement() {
        var grid = GridMembers.start(1);
        var ledger = new GridLedger(grid.get(0), Duration.ofSeconds(1));
        grid.close();
        var quotas = new Quotas(ledger, Duration.ofMinutes(1), Clock.systemUTC());
        var budgets = new Budgets(1000, Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, false);
        var refusing = TenantEntryTest.tenant(Long.MAX_VALUE, Long.MAX_VALUE, Integer.MAX_VALUE, budgets, KeyLimits.NONE);
        var local = TenantEntryTest.tenant(Long.MAX_VALUE, Long.MAX_VALUE, Integer.MAX_VALUE,
                new Budgets(1000, Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, true), KeyLimits.NONE);

        var refused = quotas.admit(refusing, TenantEntryTest.KEY, ModelPrice.UNPRICED, 10, 10, "r1", pool);
        assertThat(refused).failsWithin(Duration.ofSeconds(10)).withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .havingCause().isInstanceOfSatisfying(GatewayException.class,
                        e -> assertThat(e.problem()).isEqualTo(ProblemType.QUOTA_UNAVAILABLE));
        var alone = quotas.admit(local, TenantEntryTest.KEY, ModelPrice.UNPRICED, 10, 10, "r2", pool).join();
        assertThat(alone.admitted()).isTrue();
        assertThat(alone.local()).isTrue();
    }

    @Test
    void aTenantWithRatesOnlyFallsBackToThisInstance() {
        var grid = GridMembers.start(1);
        var ledger = new GridLedger(grid.get(0), Duration.ofSeconds(1));
        grid.close();
        var quotas = new Quotas(ledger, Duration.ofMinutes(1), Clock.systemUTC());
        var tenant = TenantEntryTest.perMinute(1);
        assertThat(quotas.admit(tenant, TenantEntryTest.KEY, ModelPrice.UNPRICED, 1, 1, "a", pool).join().admitted()).isTrue();
        assertThat(quotas.admit(tenant, TenantEntryTest.KEY, ModelPrice.UNPRICED, 1, 1, "b", pool).join().admitted()).isFalse();
    }
}
