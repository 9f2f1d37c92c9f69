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
        var tried = streamWith(streams, "{\"fault\":\"stream-throttle\",\"times\":1,\"afterDeltas\":0}");

        assertThat(tried.heard().completion().stopReason()).isEqualTo("end_turn");
        assertThat(tried.heard().text()).isEqualTo(clean.text());
        assertThat(tried.calls().summary().attempts()).isEqualTo(2);
        assertThat(rig.streamCalls()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"throttle", "model-not-ready", "model-timeout", "internal", "unavailable", "stream-drop"})
    void aTransientFailureBeforeTheFirstDeltaIsRetried(String fault) throws Exception {
        var tried = streamWith(streams, "{\"fault\":\"" + fault + "\",\"times\":1,\"afterDeltas\":0}");

        assertThat(tried.heard().completion().stopReason()).isEqualTo("end_turn");
        assertThat(tried.calls().summary().attempts()).isEqualTo(2);
    }

    @ParameterizedTest
    @CsvSource({"stream-throttle, THROTTLED", "stream-drop, UPSTREAM_ERROR", "stream-error, UPSTREAM_ERROR"})
    void aFailureAfterTheFirstDeltaEndsTheStreamWithoutARetry(String fault, ProblemType problem) throws Exception {
        var tried = streamWith(streams, "{\"fault\":\"" + fault + "\",\"times\":1,\"afterDeltas\":2}");

        assertThat(tried.heard().failure()).isEqualTo(problem);
        assertThat(tried.heard().deltas).hasSize(2);
        assertThat(tried.calls().summary().attempts()).isEqualTo(1);
        assertThat(rig.streamCalls()).isEqualTo(1);
    }

    @ParameterizedTest
    @CsvSource({"validation, UPSTREAM_ERROR", "access-denied, UPSTREAM_MISCONFIGURED", "quota, THROTTLED"})
    void aFailureThatIsNotTransientIsNeverRetried(String fault, ProblemType problem) throws Exception {
        var tried = streamWith(streams, "{\"fault\":\"" + fault + "\",\"times\":-1}");

        assertThat(tried.heard().failure()).isEqualTo(problem);
        assertThat(tried.calls().summary().attempts()).isEqualTo(1);
        assertThat(rig.streamCalls()).isEqualTo(1);
    }

    @Test
    void throttlingThatOutlastsTheRetriesEndsWithTheLastFailure() throws Exception {
        var tried = streamWith(streams, "{\"fault\":\"stream-throttle\",\"times\":-1,\"afterDeltas\":0}");

        var failure = tried.heard().failed();
        assertThat(failure.problem()).isEqualTo(ProblemType.THROTTLED);
        assertThat(failure.retryAfter()).isPresent();
        assertThat(tried.heard().deltas).isEmpty();
        assertThat(tried.calls().summary().attempts()).as("the first attempt and 2 retries").isEqualTo(3);
        assertThat(rig.streamCalls()).isEqualTo(3);
    }

    @Test
    void oneDeadlineCoversEveryAttemptAndTheDelaysBetween() throws Exception {
        var patient = rig.streams(Duration.ofMillis(700), Duration.ofSeconds(2), 100, Duration.ofMillis(200),
                StreamRig.breakers(1000, 1000));
        var tried = streamWith(patient, "{\"fault\":\"throttle\",\"times\":-1}");

        var failure = tried.heard().failed();
        assertThat(failure.problem()).isEqualTo(ProblemType.MODEL_TIMEOUT);
        assertThat(failure.detail()).isEqualTo("The model did not finish its answer within the gateway's time limit.");
        assertThat(tried.calls().summary().attempts()).isBetween(2, 5);
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
        var tried = streamWith(fragile, "{\"fault\":\"internal\",\"times\":-1}");

        assertThat(tried.heard().failure()).as("the third attempt was refused").isEqualTo(ProblemType.CIRCUIT_OPEN);
        assertThat(tried.calls().summary().tried()).extracting(io.auditgate.request.Attempt::outcome)
                .containsExactly("upstream-error", "upstream-error", "circuit-open");
        assertThat(rig.streamCalls()).isEqualTo(2);
    }

    /** What the listener heard and how the call was tried: one stream of {@link #ROME} with {@code fault} set. */
    private record Tried(StreamRig.Heard heard, ModelCalls calls) {
    }

    private static Tried streamWith(ModelStreams through, String fault) throws Exception {
        rig.fault(fault);
        var tried = new Tried(new StreamRig.Heard(), new ModelCalls());
        through.stream(prompt(ROME), tried.calls(), tried.heard());
        return tried;
    }
}
