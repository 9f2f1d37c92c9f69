package io.auditgate.bedrock;

import static io.auditgate.bedrock.StreamRig.HAIKU;
import static io.auditgate.bedrock.StreamRig.prompt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.auditgate.problem.GatewayException;
import io.auditgate.problem.ProblemType;
import io.auditgate.request.Attempt;
import io.auditgate.request.ModelCalls;
import io.auditgate.simulator.SimulatorOptions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Fallbacks with the real SDK against the simulator, whose fault rules fail one model only: the next model of the
 * route answers when the requested one throttles, fails with 5xx, times out or has its breaker open, and only before
 * the first delta; never on a client error; every attempt is recorded; the deadline is the request's, not a model's.
 */
class FallbackTest {

    private static final String SONNET = "anthropic.claude-3-5-sonnet-20240620-v1:0";
    private static final String TITAN = "amazon.titan-text-express-v1";
    private static final List<String> ROUTE = List.of(HAIKU, SONNET);
    private static final String ROME = "Tell me about the history of Rome";
    private static StreamRig rig;
    private static BedrockModel model;
    private static ModelStreams streams;

    @BeforeAll
    static void start() {
        rig = new StreamRig(SimulatorOptions.defaults().withTokenDelayMs(1));
        var breakers = StreamRig.breakers(1000, 1000);
        model = rig.model(Duration.ofSeconds(10), 1, Duration.ofMillis(20), breakers);
        streams = rig.streams(Duration.ofSeconds(10), Duration.ofSeconds(2), 1, Duration.ofMillis(20), breakers);
    }

    @AfterAll
    static void stop() throws Exception {
        rig.close();
    }

    @AfterEach
    void clearFaults() {
        rig.reset();
    }

    private static String fault(String fault, String model) {
        return "{\"fault\":\"" + fault + "\",\"times\":-1,\"model\":\"" + model + "\"}";
    }

    @ParameterizedTest
    @CsvSource({"throttle, throttled", "quota, throttled", "unavailable, model-unavailable",
            "internal, upstream-error", "model-timeout, model-timeout"})
    void aFailingModelIsRetriedThenItsFallbackAnswersAndEveryAttemptIsRecorded(String fault, String outcome)
            throws Exception {
        rig.fault(fault(fault, HAIKU));
        var calls = new ModelCalls();

        var completion = model.complete(prompt(ROME), ROUTE, calls).get(10, TimeUnit.SECONDS);

        assertThat(completion.model()).isEqualTo(SONNET);
        var retries = fault.equals("quota") ? List.<String>of() : List.of(HAIKU + " " + outcome + " 2");
        assertThat(calls.summary().tried()).extracting(a -> a.model() + " " + a.outcome() + " " + a.number())
                .containsExactlyElementsOf(concat(List.of(HAIKU + " " + outcome + " 1"), retries,
                        List.of(SONNET + " answered 1")));
    }

    @Test
    void aClientErrorIsNotTriedOnAnotherModel() {
        rig.fault(fault("validation", HAIKU));
        var calls = new ModelCalls();

        assertThatThrownBy(() -> model.complete(prompt(ROME), ROUTE, calls).get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).cause().isInstanceOf(GatewayException.class);
        assertThat(calls.summary().tried()).extracting(Attempt::model).containsExactly(HAIKU);
        assertThat(rig.calls(SONNET, "converse")).isZero();
    }

    @Test
    void whenEveryModelFailsTheLastFailureIsTheAnswerAndEveryAttemptIsRecorded() {
        rig.fault(fault("throttle", HAIKU));
        rig.fault(fault("unavailable", SONNET));
        rig.fault(fault("unavailable", TITAN));
        var calls = new ModelCalls();

        assertThatThrownBy(() -> model.complete(prompt(ROME), List.of(HAIKU, SONNET, TITAN), calls).get(10, TimeUnit.SECONDS))
                .cause().isInstanceOfSatisfying(GatewayException.class,
                        e -> assertThat(e.problem()).isEqualTo(ProblemType.MODEL_UNAVAILABLE));
        assertThat(calls.summary().tried()).extracting(a -> a.model() + " " + a.outcome()).containsExactly(
                HAIKU + " throttled", HAIKU + " throttled", SONNET + " model-unavailable", SONNET + " model-unavailable",
                TITAN + " model-unavailable", TITAN + " model-unavailable");
    }

    @Test
    void anOpenBreakerSendsTheRequestToTheFallbackWithoutCallingTheModel() throws Exception {
        var breakers = StreamRig.breakers(1, 1);
        var guarded = rig.model(Duration.ofSeconds(10), 0, Duration.ofMillis(20), breakers);
        rig.fault(fault("internal", HAIKU));
        guarded.complete(prompt(ROME), ROUTE, new ModelCalls()).get(10, TimeUnit.SECONDS);
        var haikuCalls = rig.calls(HAIKU, "converse");
        var calls = new ModelCalls();

        var completion = guarded.complete(prompt(ROME), ROUTE, calls).get(10, TimeUnit.SECONDS);

        assertThat(completion.model()).isEqualTo(SONNET);
        assertThat(rig.calls(HAIKU, "converse")).isEqualTo(haikuCalls);
        assertThat(calls.summary().tried()).extracting(a -> a.model() + " " + a.outcome())
                .containsExactly(HAIKU + " circuit-open", SONNET + " answered");
    }

    @Test
    void theDeadlineIsSharedSoAModelThatUsesItUpLeavesNoTimeForAFallback() {
        var hurried = rig.model(Duration.ofMillis(600), 0, Duration.ofMillis(20), StreamRig.breakers(1000, 1000));
        rig.fault("{\"fault\":\"latency\",\"times\":-1,\"delayMs\":2000,\"model\":\"" + HAIKU + "\"}");
        var calls = new ModelCalls();

        assertThatThrownBy(() -> hurried.complete(prompt(ROME), ROUTE, calls).get(10, TimeUnit.SECONDS))
                .cause().isInstanceOfSatisfying(GatewayException.class,
                        e -> assertThat(e.problem()).isEqualTo(ProblemType.MODEL_TIMEOUT));
        assertThat(rig.calls(SONNET, "converse")).isZero();
        assertThat(calls.summary().tried()).extracting(Attempt::model).containsExactly(HAIKU);
    }

    @Test
    void aStreamThrottledBeforeItsFirstDeltaIsAnsweredByTheFallback() throws Exception {
        rig.fault(fault("throttle", HAIKU));
        var heard = new StreamRig.Heard();
        var calls = new ModelCalls();

        streams.stream(prompt(ROME), ROUTE, calls, heard);

        assertThat(heard.completion().model()).isEqualTo(SONNET);
        assertThat(heard.text()).isNotEmpty();
        assertThat(calls.summary().tried()).extracting(a -> a.model() + " " + a.outcome()).containsExactly(
                HAIKU + " throttled", HAIKU + " throttled", SONNET + " answered");
        assertThat(rig.calls(SONNET, "converse-stream")).isEqualTo(1);
    }

    @Test
    void aStreamThatFailsAfterItsFirstDeltaIsNotTriedOnAnotherModel() throws Exception {
        rig.fault("{\"fault\":\"stream-throttle\",\"times\":-1,\"afterDeltas\":2,\"model\":\"" + HAIKU + "\"}");
        var heard = new StreamRig.Heard();
        var calls = new ModelCalls();

        streams.stream(prompt(ROME), ROUTE, calls, heard);

        assertThat(heard.failure()).isEqualTo(ProblemType.THROTTLED);
        assertThat(heard.deltas).hasSize(2);
        assertThat(rig.calls(SONNET, "converse-stream")).isZero();
        assertThat(calls.summary().tried()).extracting(a -> a.model() + " " + a.outcome())
                .containsExactly(HAIKU + " throttled");
    }

    @SafeVarargs
    private static List<String> concat(List<String>... parts) {
        return java.util.Arrays.stream(parts).flatMap(List::stream).toList();
    }
}
