package io.auditgate.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateScheduleTest {

    @Test
    void requestIIsDueAtStartPlusIOverTheRate() {
        var schedule = RateSchedule.of(1_000, Duration.ofSeconds(3), 5_000L);
        assertThat(schedule.due(0)).isEqualTo(5_000L);
        assertThat(schedule.due(1)).isEqualTo(5_000L + 1_000_000L);
        assertThat(schedule.due(1_500)).isEqualTo(5_000L + 1_500_000_000L);
    }

    @Test
    void aRunHoldsRateTimesDurationRequests() {
        var schedule = RateSchedule.of(500, Duration.ofSeconds(10), 0);
        assertThat(schedule.requests()).isEqualTo(5_000);
        assertThat(schedule.includes(4_999)).isTrue();
        assertThat(schedule.includes(5_000)).isFalse();
        long counted = 0;
        for (long i = 0; schedule.includes(i); i++) {
            counted++;
        }
        assertThat(counted).isEqualTo(schedule.requests());
    }

    @Test
    void aFractionalPeriodIsRoundedToTheNearestNanosecond() {
        var schedule = RateSchedule.of(3, Duration.ofSeconds(1), 0);
        assertThat(schedule.periodNanos()).isEqualTo(333_333_333L);
        assertThat(schedule.requests()).isEqualTo(4); // 0, 1/3, 2/3 and 0.999999999 s
    }

    @Test
    void aRateMustBePositive() {
        assertThatThrownBy(() -> RateSchedule.of(0, Duration.ofSeconds(1), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RateSchedule.of(Double.NaN, Duration.ofSeconds(1), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
