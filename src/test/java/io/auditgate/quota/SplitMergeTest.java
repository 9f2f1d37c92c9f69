package io.auditgate.quota;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.spi.merge.MergingValue;
import io.auditgate.tenant.Budgets;
import io.auditgate.tenant.KeyLimits;
import java.util.HashMap;
import org.junit.jupiter.api.Test;

/** After a split brain: the larger consumption of both sides, and every side's requests in flight. */
class SplitMergeTest {

    private static final long T0 = TenantEntryTest.T0;
    private static final Limits LIMITS = Limits.of(TenantEntryTest.tenant(100, 100_000, 100,
            new Budgets(1_000_000, Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, false), KeyLimits.NONE),
            TenantEntryTest.KEY);

    private static void reserve(HashMap<String, long[]> state, String id, long tokens, long now) {
        TenantEntry.reserve(state, LIMITS, new Ticket("acme", id, TenantEntryTest.KEY, new Demand(tokens, tokens, 0),
                now + 60_000), now);
    }

    private static HashMap<String, long[]> copy(HashMap<String, long[]> state) {
        var copy = new HashMap<String, long[]>();
        state.forEach((k, v) -> copy.put(k, v.clone()));
        return copy;
    }

    @Test
    void theMergeKeepsTheLargerConsumptionAndBothSidesRequestsInFlight() {
        var before = new HashMap<String, long[]>();
        reserve(before, "common", 100, T0);
        var left = copy(before);
        var right = copy(before);
        reserve(left, "l1", 50, T0 + 1000);
        reserve(left, "l2", 50, T0 + 1000);
        reserve(right, "r1", 300, T0 + 1000);

        var merged = SplitMerge.merge(left, right);

        var tenant = merged.get(TenantEntry.TENANT);
        var now = T0 / 1000 + 1;
        assertThat(Window.sum(tenant, Window.REQUESTS, now)).as("1 + max(2, 1)").isEqualTo(3);
        assertThat(Window.sum(tenant, Window.TOKENS, now)).as("100 + max(100, 300)").isEqualTo(400);
        assertThat(merged.get(TenantEntry.PERIODS)[Periods.DAY_TOKENS]).isEqualTo(400);
        assertThat(TenantEntry.inFlight(merged)).as("common, l1, l2, r1").isEqualTo(4);
        assertThat(TenantEntry.settle(merged, "r1", TenantEntryTest.KEY, Demand.NONE, T0 + 2000)).isTrue();
        assertThat(TenantEntry.settle(merged, "l2", TenantEntryTest.KEY, Demand.NONE, T0 + 2000)).isTrue();
    }

    @Test
    void aNewerSecondOrDayWinsOverAnOlderOne() {
        var left = new HashMap<String, long[]>();
        var right = new HashMap<String, long[]>();
        reserve(left, "old", 10, T0);
        reserve(right, "new", 20, T0 + 86_400_000L);

        var merged = SplitMerge.merge(left, right);

        assertThat(merged.get(TenantEntry.PERIODS)[Periods.DAY]).isEqualTo(Periods.day(T0 + 86_400_000L));
        assertThat(merged.get(TenantEntry.PERIODS)[Periods.DAY_TOKENS]).isEqualTo(20);
    }

    @Test
    void thePolicyMergesTheDeserializedSides() {
        var left = new HashMap<String, long[]>();
        var right = new HashMap<String, long[]>();
        reserve(left, "l", 10, T0);
        reserve(right, "r", 10, T0);

        @SuppressWarnings("unchecked")
        var merged = (HashMap<String, long[]>) new LargerConsumption().merge(value(left), value(right));

        assertThat(TenantEntry.inFlight(merged)).isEqualTo(2);
    }

    private static MergingValue<Object> value(Object value) {
        return new MergingValue<>() {
            @Override
            public Object getDeserializedValue() {
                return value;
            }

            @Override
            public Object getRawValue() {
                return value;
            }
        };
    }
}
