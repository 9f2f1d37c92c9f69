package io.auditgate.guardrail.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A detector made with a checkpoint runs it between recognizers, and a throwing checkpoint ends detection there. */
class CheckpointsTest {

    private static final String TEXT = "Mail jane.doe@example.com or call +44 20 7946 0958.";

    @Test
    void theCheckpointRunsBeforeEveryRecognizerAndFindingsAreUnchanged() {
        var calls = new AtomicInteger();

        var findings = new PiiDetector().withCheckpoint(calls::incrementAndGet).detect(TEXT);

        assertThat(calls.get()).isGreaterThan(10);
        assertThat(findings).isEqualTo(new PiiDetector().detect(TEXT));
    }

    @Test
    void aThrowingCheckpointAbandonsDetectionAtOnce() {
        var calls = new AtomicInteger();
        Runnable spent = () -> {
            if (calls.incrementAndGet() == 3) {
                throw new IllegalStateException("budget spent");
            }
        };

        assertThatThrownBy(() -> new PiiDetector().withCheckpoint(spent).detect(TEXT))
                .isInstanceOf(IllegalStateException.class).hasMessage("budget spent");
        assertThat(calls.get()).isEqualTo(3);
    }
}
