package io.auditgate.quota;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditgate.tenant.ApiKeyEntry;
import io.auditgate.tenant.Budgets;
import io.auditgate.tenant.KeyLimits;
import io.auditgate.tenant.Tenant;
import io.auditgate.tenant.TenantLimits;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The one arithmetic every ledger applies: windows, all-or-none, settlement, expiry, budgets. */
class TenantEntryTest {

    static final long T0 = Instant.parse("2026-12-07T11:00:00Z").toEpochMilli();
    static final String KEY = "abc123";
    static final String HASH = "0".repeat(64);

    private final HashMap<String, long[]> state = new HashMap<>();

    static Tenant tenant(long rpm, long tpm, int concurrent, Budgets budgets, KeyLimits key) {
        return new Tenant("acme", List.of(new ApiKeyEntry(KEY, HASH, null, false, key)), Set.of("m"), "standard",
                new TenantLimits(100_000, 1000, concurrent, rpm, tpm, OptionalInt.empty(), false), budgets);
    }

    static Tenant perMinute(long rpm) {
        return tenant(rpm, Long.MAX_VALUE, Integer.MAX_VALUE, Budgets.NONE, KeyLimits.NONE);
    }

    private int seq;

    private Verdict reserve(Tenant tenant, Demand demand, long now) {
        return TenantEntry.reserve(state, Limits.of(tenant, KEY), ticket("t" + seq++, demand, now + 60_000), now);
    }

    private static Ticket ticket(String id, Demand demand, long expires) {
        return new Ticket("acme", id, KEY, demand, expires);
    }

    @Test
    void nPerMinuteAdmitsExactlyNWithinAnySixtySeconds() {
        var tenant = perMinute(5);
        var admitted = 0;
        for (int i = 0; i < 15; i++) {
            admitted += reserve(tenant, Demand.NONE, T0 + i * 100).admitted() ? 1 : 0;
        }
        assertThat(admitted).isEqualTo(5);
        assertThat(reserve(tenant, Demand.NONE, T0 + 59_999).admitted()).isFalse();
        assertThat(reserve(tenant, Demand.NONE, T0 + 60_000).admitted()).isTrue();
    }

    /**
     * Operations reach the entry's owner in another order than they were stamped (two members, or a hop on one): a
     * request stamped a second, or a whole minute, before ones already counted must still see them. ClusterQuotaIT
     * found 21 of 20 admitted before the entry's clock was made monotonic.
     */
    @Test
    void requestsStampedEarlierThanOnesAlreadyCountedStillSeeThem() {
        var tenant = perMinute(3);
        assertThat(reserve(tenant, Demand.NONE, T0 + 1_000).admitted()).isTrue();
        assertThat(reserve(tenant, Demand.NONE, T0 + 1_500).admitted()).isTrue();
        assertThat(reserve(tenant, Demand.NONE, T0 + 61_000).admitted()).isTrue();
        assertThat(reserve(tenant, Demand.NONE, T0 + 61_200).admitted()).isTrue();
        assertThat(reserve(tenant, Demand.NONE, T0 + 60_900).admitted()).isTrue();
        assertThat(reserve(tenant, Demand.NONE, T0 + 60_800).admitted()).as("stamped before the last three").isFalse();
        assertThat(reserve(tenant, Demand.NONE, T0 + 900).admitted()).as("stamped a minute before: its slot is theirs")
                .isFalse();
    }

    @Test
    void theWindowSlidesSecondBySecond() {
        var tenant = perMinute(2);
        assertThat(reserve(tenant, Demand.NONE, T0).admitted()).isTrue();
        assertThat(reserve(tenant, Demand.NONE, T0 + 30_000).admitted()).isTrue();
        var refused = reserve(tenant, Demand.NONE, T0 + 40_000);
        assertThat(refused.refusedBy()).contains(Limit.REQUESTS_PER_MINUTE);
        assertThat(refused.retryAfterSeconds()).isEqualTo(20);
        assertThat(reserve(tenant, Demand.NONE, T0 + 60_000).admitted()).isTrue();
        assertThat(reserve(tenant, Demand.NONE, T0 + 61_000).admitted()).isFalse();
    }

    @Test
    void tokensPerMinuteCountTheEstimateAndRetryWhenEnoughLeaves() {
        var tenant = tenant(Long.MAX_VALUE, 1000, Integer.MAX_VALUE, Budgets.NONE, KeyLimits.NONE);
        assertThat(reserve(tenant, new Demand(600, 0, 0), T0).admitted()).isTrue();
        assertThat(reserve(tenant, new Demand(300, 0, 0), T0 + 10_000).admitted()).isTrue();
        var refused = reserve(tenant, new Demand(300, 0, 0), T0 + 20_000);
        assertThat(refused.refusedBy()).contains(Limit.TOKENS_PER_MINUTE);
        assertThat(refused.retryAfterSeconds()).isEqualTo(40);
        assertThat(reserve(tenant, new Demand(1001, 0, 0), T0 + 200_000).retryAfterSeconds()).isEqualTo(60);
    }

    @Test
    void aRefusalByTheKeyDebitsNothingOfTheTenant() {
        var tenant = tenant(10, Long.MAX_VALUE, Integer.MAX_VALUE, Budgets.NONE, new KeyLimits(1, Long.MAX_VALUE, Long.MAX_VALUE));
        assertThat(reserve(tenant, Demand.NONE, T0).admitted()).isTrue();
        var refused = reserve(tenant, Demand.NONE, T0 + 1000);
        assertThat(refused.refusedBy()).contains(Limit.KEY_REQUESTS_PER_MINUTE);
        assertThat(Window.sum(state.get(TenantEntry.TENANT), Window.REQUESTS, T0 / 1000 + 1)).isEqualTo(1);
        assertThat(TenantEntry.inFlight(state)).isEqualTo(1);
    }

    @Test
    void aRefusalByTheTenantDebitsNothingOfTheKey() {
        var tenant = tenant(Long.MAX_VALUE, Long.MAX_VALUE, Integer.MAX_VALUE,
                new Budgets(100, Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, false),
                new KeyLimits(5, Long.MAX_VALUE, Long.MAX_VALUE));
        assertThat(reserve(tenant, new Demand(0, 101, 0), T0).refusedBy()).contains(Limit.TOKENS_PER_DAY);
        assertThat(Window.sum(state.get(TenantEntry.KEY + KEY), Window.REQUESTS, T0 / 1000)).isZero();
        assertThat(state.get(TenantEntry.KEY + KEY)[Window.CONCURRENT]).isZero();
    }

    @Test
    void concurrencyEndsWithSettlementAndSettlementHappensOnce() {
        var tenant = tenant(Long.MAX_VALUE, Long.MAX_VALUE, 1, Budgets.NONE, KeyLimits.NONE);
        assertThat(TenantEntry.reserve(state, Limits.of(tenant, KEY), ticket("a", Demand.NONE, T0 + 60_000), T0).admitted()).isTrue();
        assertThat(TenantEntry.reserve(state, Limits.of(tenant, KEY), ticket("b", Demand.NONE, T0 + 60_000), T0).refusedBy())
                .contains(Limit.MAX_CONCURRENT_REQUESTS);
        assertThat(TenantEntry.settle(state, "a", KEY, Demand.NONE, T0 + 1)).isTrue();
        assertThat(TenantEntry.settle(state, "a", KEY, Demand.NONE, T0 + 2)).isFalse();
        assertThat(TenantEntry.inFlight(state)).isZero();
        assertThat(TenantEntry.reserve(state, Limits.of(tenant, KEY), ticket("c", Demand.NONE, T0 + 60_000), T0).admitted()).isTrue();
    }

    @Test
    void settlementRefundsTheDifferenceOrChargesTheOverage() {
        var budgets = new Budgets(1000, 10_000, 5_000_000, Long.MAX_VALUE, false);
        var tenant = tenant(Long.MAX_VALUE, 2000, Integer.MAX_VALUE, budgets, KeyLimits.NONE);
        var limits = Limits.of(tenant, KEY);
        TenantEntry.reserve(state, limits, ticket("a", new Demand(900, 900, 4_000_000), T0 + 60_000), T0);
        TenantEntry.settle(state, "a", KEY, new Demand(100, 100, 1_000_000), T0 + 500);
        var periods = state.get(TenantEntry.PERIODS);
        assertThat(periods[Periods.DAY_TOKENS]).isEqualTo(100);
        assertThat(periods[Periods.DAY_COST]).isEqualTo(1_000_000);
        assertThat(Window.sum(state.get(TenantEntry.TENANT), Window.TOKENS, T0 / 1000)).isEqualTo(100);
        TenantEntry.reserve(state, limits, ticket("b", new Demand(100, 100, 100), T0 + 60_000), T0 + 1000);
        TenantEntry.settle(state, "b", KEY, new Demand(1500, 1500, 4_500_000), T0 + 2000);
        assertThat(periods[Periods.DAY_TOKENS]).isEqualTo(1600);
        assertThat(periods[Periods.DAY_COST]).isEqualTo(5_500_000);
        assertThat(reserve(tenant, Demand.NONE, T0 + 3000).refusedBy()).contains(Limit.TOKENS_PER_DAY);
    }

    @Test
    void aFailedCallRefundsAllButStillCountsAsARequest() {
        var tenant = tenant(3, 1000, Integer.MAX_VALUE, Budgets.NONE, KeyLimits.NONE);
        TenantEntry.reserve(state, Limits.of(tenant, KEY), ticket("a", new Demand(1000, 1000, 0), T0 + 60_000), T0);
        TenantEntry.settle(state, "a", KEY, Demand.NONE, T0 + 100);
        var scope = state.get(TenantEntry.TENANT);
        assertThat(Window.sum(scope, Window.TOKENS, T0 / 1000)).isZero();
        assertThat(Window.sum(scope, Window.REQUESTS, T0 / 1000)).isEqualTo(1);
    }

    @Test
    void aLapsedReservationEndsItsRequestInFlightAndStaysCharged() {
        var tenant = tenant(Long.MAX_VALUE, Long.MAX_VALUE, 1, new Budgets(1000, Long.MAX_VALUE, Long.MAX_VALUE,
                Long.MAX_VALUE, false), KeyLimits.NONE);
        TenantEntry.reserve(state, Limits.of(tenant, KEY), ticket("dead", new Demand(0, 400, 0), T0 + 5_000), T0);
        assertThat(reserve(tenant, Demand.NONE, T0 + 4_999).refusedBy()).contains(Limit.MAX_CONCURRENT_REQUESTS);
        assertThat(TenantEntry.reserve(state, Limits.of(tenant, KEY), ticket("next", Demand.NONE, T0 + 90_000), T0 + 5_000)
                .admitted()).isTrue();
        assertThat(state.get(TenantEntry.PERIODS)[Periods.DAY_TOKENS]).isEqualTo(400);
        assertThat(TenantEntry.settle(state, "dead", KEY, Demand.NONE, T0 + 6_000)).isFalse();
        assertThat(state.get(TenantEntry.PERIODS)[Periods.DAY_TOKENS]).isEqualTo(400);
    }

    @Test
    void budgetsStartAgainWithTheUtcDayAndRetryAfterTheirEnd() {
        var tenant = tenant(Long.MAX_VALUE, Long.MAX_VALUE, Integer.MAX_VALUE,
                new Budgets(100, Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, false), KeyLimits.NONE);
        assertThat(reserve(tenant, new Demand(0, 100, 0), T0).admitted()).isTrue();
        var refused = reserve(tenant, new Demand(0, 1, 0), T0);
        assertThat(refused.refusedBy()).contains(Limit.TOKENS_PER_DAY);
        assertThat(refused.retryAfterSeconds()).isEqualTo(13 * 3600);
        var midnight = Instant.parse("2026-12-08T00:00:00Z").toEpochMilli();
        assertThat(reserve(tenant, new Demand(0, 100, 0), midnight).admitted()).isTrue();
    }

    @Test
    void aMonthBudgetRetriesAfterTheMonthEnds() {
        var tenant = tenant(Long.MAX_VALUE, Long.MAX_VALUE, Integer.MAX_VALUE,
                new Budgets(Long.MAX_VALUE, 10, Long.MAX_VALUE, Long.MAX_VALUE, false), KeyLimits.NONE);
        var refused = reserve(tenant, new Demand(0, 11, 0), T0);
        assertThat(refused.refusedBy()).contains(Limit.TOKENS_PER_MONTH);
        assertThat(refused.retryAfterSeconds())
                .isEqualTo((Instant.parse("2027-01-01T00:00:00Z").toEpochMilli() - T0) / 1000);
    }

    @Test
    void aBudgetRefusalComesBeforeARateRefusal() {
        var tenant = tenant(1, Long.MAX_VALUE, Integer.MAX_VALUE,
                new Budgets(10, Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, false), KeyLimits.NONE);
        reserve(tenant, new Demand(0, 10, 0), T0);
        assertThat(reserve(tenant, new Demand(0, 1, 0), T0).refusedBy()).contains(Limit.TOKENS_PER_DAY);
    }

    @Test
    void theStandingSaysWhatIsLeftAndWhen() {
        var tenant = perMinute(3);
        reserve(tenant, Demand.NONE, T0);
        var verdict = reserve(tenant, Demand.NONE, T0 + 15_000);
        assertThat(verdict.standing().limits()).containsExactly(
                new Standing.Remaining(Limit.REQUESTS_PER_MINUTE, 3, 1, 45));
        assertThat(Verdict.of(verdict.toArray())).isEqualTo(verdict);
    }
}
