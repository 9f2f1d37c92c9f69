package io.auditgate.quota;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditgate.problem.GatewayException;
import io.auditgate.problem.ProblemType;
import io.auditgate.tenant.Budgets;
import io.auditgate.tenant.KeyLimits;
import io.auditgate.tenant.ModelPrice;
import io.auditgate.tenant.Tenant;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Seeding a tenant's budget counters from the audit trail's sums after every instance restarted: the arithmetic, and
 * the entry processor on two real Hazelcast members, where exactly one instance's sums win.
 */
class TrailSeedTest {

    private static final long NOW = TenantEntryTest.T0;
    private static final LocalDate TODAY = LocalDate.ofInstant(Instant.ofEpochMilli(NOW), ZoneOffset.UTC);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private final ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
    private final HashMap<String, long[]> state = new HashMap<>();

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    private static Tenant tokensPerDay(long budget) {
        return TenantEntryTest.tenant(Long.MAX_VALUE, Long.MAX_VALUE, Integer.MAX_VALUE,
                new Budgets(budget, Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, false), KeyLimits.NONE);
    }

    private Verdict reserve(long tokens, String id) {
        var ticket = new Ticket("acme", id, TenantEntryTest.KEY, new Demand(tokens, tokens, 0), NOW + 60_000);
        return TenantEntry.reserve(state, Limits.of(tokensPerDay(100), TenantEntryTest.KEY), ticket, NOW);
    }

    private long[] periods() {
        return state.get(TenantEntry.PERIODS);
    }

    @Test
    void aSeededEntryCountsWhatTheTrailShowsAgainstTheBudget() {
        assertThat(TenantEntry.seed(state, new Spent(TODAY, 90, 0, 900, 0).toArray(), NOW)).isTrue();

        assertThat(reserve(20, "a").refusedBy()).contains(Limit.TOKENS_PER_DAY);
        assertThat(reserve(10, "b").admitted()).isTrue();
        assertThat(periods()[Periods.MONTH_TOKENS]).isEqualTo(910);
    }

    @Test
    void theFirstSeedWinsAndALaterOneChangesNothing() {
        TenantEntry.seed(state, new Spent(TODAY, 90, 5, 900, 50).toArray(), NOW);

        assertThat(TenantEntry.seed(state, new Spent(TODAY, 10, 1, 10, 1).toArray(), NOW + 1)).isFalse();
        assertThat(periods()).containsExactly(TODAY.toEpochDay(), 90, 5, Periods.month(NOW), 900, 50);
        assertThat(TenantEntry.rebuilt(state)).isTrue();
    }

    @Test
    void requestsCountedBeforeTheSeedAreNotCountedTwice() {
        reserve(30, "before");

        TenantEntry.seed(state, new Spent(TODAY, 20, 0, 50, 0).toArray(), NOW);

        assertThat(periods()[Periods.DAY_TOKENS]).isEqualTo(30);
        assertThat(periods()[Periods.MONTH_TOKENS]).isEqualTo(50);
    }

    @Test
    void sumsOfAnotherDayOfTheMonthSeedOnlyTheMonth() {
        TenantEntry.seed(state, new Spent(TODAY.minusDays(1), 40, 0, 400, 0).toArray(), NOW);

        assertThat(periods()[Periods.DAY_TOKENS]).isZero();
        assertThat(periods()[Periods.MONTH_TOKENS]).isEqualTo(400);
    }

    @Test
    void aSplitBrainMergeKeepsTheSeedMark() {
        var other = new HashMap<String, long[]>();
        TenantEntry.seed(state, new Spent(TODAY, 1, 0, 1, 0).toArray(), NOW);
        TenantEntry.seed(other, new Spent(TODAY, 2, 0, 2, 0).toArray(), NOW);

        var merged = SplitMerge.merge(state, other);

        assertThat(TenantEntry.rebuilt(merged)).isTrue();
        assertThat(merged.get(TenantEntry.PERIODS)[Periods.DAY_TOKENS]).isEqualTo(2);
    }

    @Test
    void twoMembersSeedingAtOnceLeaveExactlyOneInstancesSums() {
        try (var grid = GridMembers.start(2)) {
            var ledgers = List.of(new GridLedger(grid.get(0), TIMEOUT), new GridLedger(grid.get(1), TIMEOUT));
            assertThat(ledgers.get(1).rebuilt("acme", pool).join()).isFalse();
            var seeds = new ArrayList<CompletableFuture<Boolean>>();
            for (int i = 0; i < 10; i++) {
                var spent = new Spent(TODAY, 10 + i, 0, 100 + i, 0);
                var ledger = ledgers.get(i % 2);
                seeds.add(CompletableFuture.supplyAsync(() -> ledger.seed("acme", spent, NOW, pool), pool)
                        .thenCompose(seeded -> seeded));
            }

            assertThat(seeds.stream().filter(CompletableFuture::join).count()).isEqualTo(1);
            HashMap<String, long[]> entry = grid.get(0).<String, HashMap<String, long[]>>getMap(GridLedger.MAP)
                    .get("acme");
            var day = entry.get(TenantEntry.PERIODS)[Periods.DAY_TOKENS];
            assertThat(entry.get(TenantEntry.PERIODS)[Periods.MONTH_TOKENS]).isEqualTo(day + 90);
            assertThat(ledgers.get(0).rebuilt("acme", pool).join()).isTrue();
            assertThat(ledgers.get(1).rebuilt("acme", pool).join()).isTrue();
        }
    }

    private Quotas awaitingSpending() {
        var quotas = new Quotas();
        quotas.ledger = "local";
        quotas.rebuild = true;
        quotas.gridTimeout = Duration.ofMillis(300);
        quotas.requestTimeout = Duration.ofSeconds(30);
        quotas.margin = Duration.ZERO;
        quotas.start();
        return quotas;
    }

    @Test
    void aBudgetedTenantIsRefusedUntilTheSpendingIsKnownThenCountsIt() throws Exception {
        var quotas = awaitingSpending();
        var tenant = tokensPerDay(100);

        var early = quotas.admit(tenant, TenantEntryTest.KEY, ModelPrice.UNPRICED, 5, 5, "early", pool);
        assertThat(early).failsWithin(TIMEOUT).withThrowableOfType(ExecutionException.class).havingCause()
                .isInstanceOfSatisfying(GatewayException.class,
                        e -> assertThat(e.problem()).isEqualTo(ProblemType.QUOTA_UNAVAILABLE));
        assertThat(quotas.needsRebuild(List.of("acme"), pool).join()).isTrue();

        var today = LocalDate.now(Clock.systemUTC());
        quotas.seed(Map.of("acme", new Spent(today, 95, 0, 95, 0)), pool).join();

        assertThat(quotas.isSpendingKnown()).isTrue();
        assertThat(quotas.needsRebuild(List.of("acme"), pool).join()).isFalse();
        assertThat(quotas.admit(tenant, TenantEntryTest.KEY, ModelPrice.UNPRICED, 5, 5, "late", pool).join()
                .verdict().refusedBy()).contains(Limit.TOKENS_PER_DAY);
    }

    @Test
    void aBudgetedTenantWaitsForASeedThatComesWithinTheGridTimeout() {
        var quotas = awaitingSpending();
        quotas.gridTimeout = Duration.ofSeconds(5);

        var waiting = quotas.admit(tokensPerDay(100), TenantEntryTest.KEY, ModelPrice.UNPRICED, 5, 5, "w", pool);
        quotas.seed(Map.of(), pool).join();

        assertThat(waiting.join().admitted()).isTrue();
    }

    @Test
    void aTenantWithoutBudgetsNeverWaits() {
        var quotas = awaitingSpending();

        assertThat(quotas.admit(TenantEntryTest.perMinute(5), TenantEntryTest.KEY, ModelPrice.UNPRICED, 1, 1, "r",
                pool).join().admitted()).isTrue();
    }
}
