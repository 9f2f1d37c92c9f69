package io.auditgate.bedrock;

import static io.auditgate.bedrock.StreamRig.prompt;
import static org.assertj.core.api.Assertions.assertThat;

import io.auditgate.conversation.ChatMessage;
import io.auditgate.conversation.ChatRequest;
import io.auditgate.conversation.Inference;
import io.auditgate.conversation.Role;
import io.auditgate.conversation.ToolConversations;
import io.auditgate.guardrail.GuardrailProfile;
import io.auditgate.guardrail.Guardrails;
import io.auditgate.problem.ProblemType;
import io.auditgate.request.ModelCalls;
import io.auditgate.simulator.BedrockSimulator;
import io.auditgate.simulator.SimulatorOptions;
import io.auditgate.testing.Await;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Streamed answers through the real SDK (asynchronous, Netty) against the simulator's ConverseStream. */
class ModelStreamsTest {

    @RegisterExtension
    static final StreamRig rig = new StreamRig(SimulatorOptions.defaults().withTokenDelayMs(2));
    private static final ModelStreams streams = rig.streams(Duration.ofSeconds(10), Duration.ofMillis(500), 2,
            Duration.ofMillis(50), StreamRig.breakers(1000, 1000));

    @Test
    void deltasArriveAsTheModelWritesThemThenTheClosingFacts() throws Exception {
        var heard = new StreamRig.Heard();
        var calls = new ModelCalls();

        streams.stream(prompt("Tell me about the history of Rome"), calls, heard);

        var end = heard.completion();
        assertThat(heard.deltas).hasSizeGreaterThan(3);
        assertThat(heard.text()).isNotBlank();
        assertThat(end.stopReason()).isEqualTo("end_turn");
        assertThat(end.usage().outputTokens()).isPositive();
        assertThat(end.text()).isEmpty();
        assertThat(calls.summary().attempts()).isEqualTo(1);
    }

    @Test
    void aToolCallArrivesWholeOnceItsBlockStoppedItsInputFragmentsJoined() throws Exception {
        var heard = new StreamRig.Heard();
        var request = new ChatRequest("r-tool", StreamRig.HAIKU, Optional.empty(),
                List.of(new ChatMessage(Role.USER, "Please use tool get_weather for Paris")),
                new Inference(null, null, null, List.of()), Map.of(), true, List.of(),
                ToolConversations.offered(ToolConversations.weather("Weather for a city")));

        streams.stream(new Guardrails().screen(GuardrailProfile.STANDARD, request), new ModelCalls(), heard);

        assertThat(heard.completion().stopReason()).isEqualTo("tool_use");
        assertThat(heard.text()).isEqualTo("I will use the get_weather tool.");
        assertThat(heard.toolCalls).singleElement().satisfies(call -> {
            assertThat(call.id()).startsWith("tooluse_");
            assertThat(call.name()).isEqualTo("get_weather");
            assertThat(call.input().getString("city")).isEqualTo("Please use tool get_weather for Paris");
        });
    }

    @Test
    void aConnectionDroppedMidStreamIsAnUpstreamFailureNeverAFinishedAnswer() throws Exception {
        rig.fault("{\"fault\":\"stream-drop\",\"times\":1,\"afterDeltas\":3}");
        var heard = new StreamRig.Heard();

        streams.stream(prompt("Tell me about the history of Rome"), new ModelCalls(), heard);

        assertThat(heard.failure()).isEqualTo(ProblemType.UPSTREAM_ERROR);
        assertThat(heard.deltas).hasSize(3);
    }

    @Test
    void throttlingMidStreamFailsTheStreamOnceWithoutResendingIt() throws Exception {
        rig.fault("{\"fault\":\"stream-throttle\",\"times\":1,\"afterDeltas\":2}");
        var heard = new StreamRig.Heard();
        var calls = new ModelCalls();

        streams.stream(prompt("Tell me about the history of Rome"), calls, heard);

        assertThat(heard.failure()).isEqualTo(ProblemType.THROTTLED);
        assertThat(heard.deltas).as("neither the SDK nor the gateway sent the stream again").hasSize(2);
        assertThat(calls.summary().attempts()).isEqualTo(1);
        assertThat(rig.streamCalls()).isEqualTo(1);
    }

    @Test
    void aStalledStreamTimesOutAfterTheIdleGap() throws Exception {
        rig.fault("{\"fault\":\"stream-stall\",\"times\":1,\"afterDeltas\":2,\"delayMs\":3000}");
        var heard = new StreamRig.Heard();

        streams.stream(prompt("Tell me about the history of Rome"), new ModelCalls(), heard);

        var failure = heard.failed();
        assertThat(failure.problem()).isEqualTo(ProblemType.MODEL_TIMEOUT);
        assertThat(failure.detail()).isEqualTo("The model's answer stream stalled.");
        assertThat(heard.deltas).hasSize(2);
    }

    @Test
    void aModelThatNeverBeginsIsCutOffAtTheDeadline() throws Exception {
        var shortDeadline = rig.streams(Duration.ofMillis(500), Duration.ofMillis(200), 2, Duration.ofMillis(50),
                StreamRig.breakers(1000, 1000));
        rig.fault("{\"fault\":\"latency\",\"times\":1,\"delayMs\":3000}");
        var heard = new StreamRig.Heard();
        var calls = new ModelCalls();

        shortDeadline.stream(prompt("Tell me about the history of Rome"), calls, heard);

        var failure = heard.failed();
        assertThat(failure.problem()).isEqualTo(ProblemType.MODEL_TIMEOUT);
        assertThat(failure.detail()).isEqualTo("The model did not finish its answer within the gateway's time limit.");
        assertThat(calls.summary().attempts()).isEqualTo(1);
    }

    @Test
    void aCancelledStreamIsHeardNoMore() throws Exception {
        var heard = new StreamRig.Heard();
        var slow = BedrockSimulator.class; // the default token delay keeps the stream going long enough
        var call = streams.stream(prompt("Tell me about the history of Rome " + slow.getSimpleName()), new ModelCalls(), heard);

        call.cancel();
        Thread.sleep(200);

        assertThat(heard.end).isNotDone();
        var after = heard.deltas.size();
        Thread.sleep(200);
        assertThat(heard.deltas).hasSize(after);
    }

    @Test
    void everyStreamLeavesTheSweepWhenItEnds() throws Exception {
        rig.fault("{\"fault\":\"validation\",\"times\":1,\"promptContains\":\"refuse me\"}");
        var failed = new StreamRig.Heard();
        streams.stream(prompt("Tell me about the history of Rome, or refuse me"), new ModelCalls(), failed);
        var finished = new StreamRig.Heard();
        streams.stream(prompt("Tell me about the history of Rome"), new ModelCalls(), finished);
        var cancelled = streams.stream(prompt("Tell me about the history of Rome"), new ModelCalls(), new StreamRig.Heard());

        cancelled.cancel();
        failed.failed();
        finished.completion();

        Await.until("every stream left the live set", Duration.ofSeconds(5), Duration.ofMillis(20), () -> streams.live() == 0);
    }
}
