package io.auditgate.bedrock;

import static io.auditgate.bedrock.StreamRig.prompt;
import static org.assertj.core.api.Assertions.assertThat;

import io.auditgate.problem.ProblemType;
import io.auditgate.request.ModelCalls;
import io.auditgate.simulator.SimulatorOptions;
import io.auditgate.testing.Await;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A stream is retried like a single call while no delta reached the listener, and never after. */
class StreamRetryTest {

    private static final String ROME = "Tell me about the history of Rome";

    @RegisterExtension
    static final StreamRig rig = new StreamRig(SimulatorOptions.defaults().withTokenDelayMs(1));
    private static final ModelStreams streams = rig.streams(Duration.ofSeconds(10), Duration.ofSeconds(2), 2,
            Duration.ofMillis(50), StreamRig.breakers(1000, 1000));

    @Test
    void aStreamThrottledBeforeItsFirstDeltaIsRetriedAndItsTextArrivesOnce() throws Exception {
        var clean = new StreamRig.Heard();
        streams.stream(prompt(ROME), new ModelCalls(), clean);
        clean.completion();
        rig.reset();
        rig.fault("{\"fault\":\"stream-throttle\",\"times\":1,\"afterDeltas\":0}");
        var heard = new StreamRig.Heard();
        var calls = new ModelCalls();

        streams.stream(prompt(ROME), calls, heard);

        assertThat(heard.completion().stopReason()).isEqualTo("end_turn");
        assertThat(heard.text()).isEqualTo(clean.text());
        assertThat(calls.summary().attempts()).isEqualTo(2);
        assertThat(rig.streamCalls()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"throttle", "model-not-ready", "model-timeout", "internal", "unavailable", "stream-drop"})
    void aTransientFailureBeforeTheFirstDeltaIsRetried(String fault) throws Exception {
        rig.fault("{\"fault\":\"" + fault + "\",\"times\":1,\"afterDeltas\":0}");
        var heard = new StreamRig.Heard();
        var calls = new ModelCalls();

        streams.stream(prompt(ROME), calls, heard);

        assertThat(heard.completion().stopReason()).isEqualTo("end_turn");
        assertThat(calls.summary().attempts()).isEqualTo(2);
    }

    @ParameterizedTest
    @CsvSource({"stream-throttle, THROTTLED", "stream-drop, UPSTREAM_ERROR", "stream-error, UPSTREAM_ERROR"})
    void aFailureAfterTheFirstDeltaEndsTheStreamWithoutARetry(String fault, ProblemType problem) throws Exception {
        rig.fault("{\"fault\":\"" + fault + "\",\"times\":1,\"afterDeltas\":2}");
        var heard = new StreamRig.Heard();
        var calls = new ModelCalls();

        streams.stream(prompt(ROME), calls, heard);

        assertThat(heard.failure()).isEqualTo(problem);
        assertThat(heard.deltas).hasSize(2);
        assertThat(calls.summary().attempts()).isEqualTo(1);
        assertThat(rig.streamCalls()).isEqualTo(1);
    }

    @ParameterizedTest
    @CsvSource({"validation, UPSTREAM_ERROR", "access-denied, UPSTREAM_MISCONFIGURED", "quota, THROTTLED"})
    void aFailureThatIsNotTransientIsNeverRetried(String fault, ProblemType problem) throws Exception {
        rig.fault("{\"fault\":\"" + fault + "\",\"times\":-1}");
        var heard = new StreamRig.Heard();
        var calls = new ModelCalls();

        streams.stream(prompt(ROME), calls, heard);

        assertThat(heard.failure()).isEqualTo(problem);
        assertThat(calls.summary().attempts()).isEqualTo(1);
        assertThat(rig.streamCalls()).isEqualTo(1);
    }

    @Test
    void throttlingThatOutlastsTheRetriesEndsWithTheLastFailure() throws Exception {
        rig.fault("{\"fault\":\"stream-throttle\",\"times\":-1,\"afterDeltas\":0}");
        var heard = new StreamRig.Heard();
        var calls = new ModelCalls();

        streams.stream(prompt(ROME), calls, heard);

        var failure = heard.failed();
        assertThat(failure.problem()).isEqualTo(ProblemType.THROTTLED);
        assertThat(failure.retryAfter()).isPresent();
        assertThat(heard.deltas).isEmpty();
        assertThat(calls.summary().attempts()).as("the first attempt and 2 retries").isEqualTo(3);
        assertThat(rig.streamCalls()).isEqualTo(3);
    }

    @Test
    void oneDeadlineCoversEveryAttemptAndTheDelaysBetween() throws Exception {
        var patient = rig.streams(Duration.ofMillis(700), Duration.ofSeconds(2), 100, Duration.ofMillis(200),
                StreamRig.breakers(1000, 1000));
        rig.fault("{\"fault\":\"throttle\",\"times\":-1}");
        var heard = new StreamRig.Heard();
        var calls = new ModelCalls();

        patient.stream(prompt(ROME), calls, heard);

        var failure = heard.failed();
        assertThat(failure.problem()).isEqualTo(ProblemType.MODEL_TIMEOUT);
        assertThat(failure.detail()).isEqualTo("The model did not finish its answer within the gateway's time limit.");
        assertThat(calls.summary().attempts()).isBetween(2, 5);
    }

    @Test
    void aCancelWhileWaitingToRetryStopsEverything() throws Exception {
        var slow = rig.streams(Duration.ofSeconds(10), Duration.ofSeconds(2), 2, Duration.ofSeconds(1),
                StreamRig.breakers(1000, 1000));
        rig.fault("{\"fault\":\"throttle\",\"times\":1}");
        var heard = new StreamRig.Heard();
        var calls = new ModelCalls();

        var call = slow.stream(prompt(ROME), calls, heard);
        Await.until("the first attempt failed", Duration.ofSeconds(5), Duration.ofMillis(10),
                () -> calls.summary().attempts() == 1);
        call.cancel();
        Thread.sleep(1500); // past the retry delay

        assertThat(rig.streamCalls()).as("no upstream call after the cancel").isEqualTo(1);
        assertThat(heard.end).isNotDone();
        assertThat(heard.deltas).isEmpty();
        assertThat(slow.live()).isZero();
    }

    @Test
    void everyAttemptIsAdmittedAndScoredByTheModelsBreaker() throws Exception {
        var fragile = rig.streams(Duration.ofSeconds(10), Duration.ofSeconds(2), 5, Duration.ofMillis(20),
                StreamRig.breakers(2, 2));
        rig.fault("{\"fault\":\"internal\",\"times\":-1}");
        var heard = new StreamRig.Heard();
        var calls = new ModelCalls();

        fragile.stream(prompt(ROME), calls, heard);

        assertThat(heard.failure()).as("the third attempt was refused").isEqualTo(ProblemType.CIRCUIT_OPEN);
        assertThat(calls.summary().tried()).extracting(io.auditgate.request.Attempt::outcome)
                .containsExactly("upstream-error", "upstream-error", "circuit-open");
        assertThat(rig.streamCalls()).isEqualTo(2);
    }
}
