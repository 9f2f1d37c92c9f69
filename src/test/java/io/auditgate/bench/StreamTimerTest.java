package io.auditgate.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StreamTimerTest {

    @Test
    void firstTokenCountsFromTheSendAndTheLargestGapIsBetweenTextDeltas() {
        var timer = new StreamTimer(1_000);
        timer.delta(1_250);
        timer.delta(1_270);
        timer.delta(1_400);
        timer.delta(1_420);
        assertThat(timer.firstTokenNanos()).isEqualTo(250);
        assertThat(timer.largestGapNanos()).isEqualTo(130);
    }

    @Test
    void aStreamWithoutTextHasNoFirstTokenAndNoGap() {
        var timer = new StreamTimer(1_000);
        timer.end();
        assertThat(timer.firstTokenNanos()).isEqualTo(-1);
        assertThat(timer.largestGapNanos()).isZero();
        assertThat(timer.ended()).isTrue();
        assertThat(timer.failed()).isFalse();
    }
}
