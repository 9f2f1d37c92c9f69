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
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The grid ledger on two real Hazelcast members in this JVM over loopback TCP: the entry processor is serialized to
 * the key's owner, so a test that reserves from both members goes through real serialization at least once.
 */
class GridLedgerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
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

    static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }
}
