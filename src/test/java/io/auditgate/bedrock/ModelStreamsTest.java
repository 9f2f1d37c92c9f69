package io.auditgate.bedrock;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditgate.conversation.ChatMessage;
import io.auditgate.conversation.ChatRequest;
import io.auditgate.conversation.Completion;
import io.auditgate.conversation.Inference;
import io.auditgate.conversation.Role;
import io.auditgate.guardrail.GuardrailProfile;
import io.auditgate.guardrail.Guardrails;
import io.auditgate.guardrail.ScreenedPrompt;
import io.auditgate.problem.GatewayException;
import io.auditgate.problem.ProblemType;
import io.auditgate.request.ModelCalls;
import io.auditgate.simulator.BedrockSimulator;
import io.auditgate.simulator.SimulatorOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Streamed answers through the real SDK (asynchronous, Netty) against the simulator's ConverseStream. */
class ModelStreamsTest {

    private static final String HAIKU = "anthropic.claude-3-haiku-20240307-v1:0";
    private static BedrockSimulator simulator;
    private static BedrockClients clients;
    private static ModelStreams streams;

    @BeforeAll
    static void start() {
        simulator = BedrockSimulator.start(SimulatorOptions.defaults().withTokenDelayMs(2));
        clients = new BedrockClients();
        clients.region = "us-east-1";
        clients.endpoint = Optional.of(simulator.endpoint());
        clients.credentials = "local";
        clients.maxInFlight = 64;
        clients.connectTimeout = Duration.ofSeconds(2);
        clients.acquireTimeout = Duration.ofSeconds(2);
        clients.build();
        var breakers = new ModelBreakers();
        breakers.failures = 1000;
        breakers.window = 1000;
        breakers.delay = Duration.ofSeconds(1);
        streams = new ModelStreams();
        streams.clients = clients;
        streams.breakers = breakers;
        streams.timeout = Duration.ofSeconds(10);
        streams.idleTimeout = Duration.ofMillis(500);
        streams.retryAfter = Duration.ofSeconds(2);
        streams.start();
    }

    @AfterAll
    static void stop() {
        streams.stop();
        clients.close();
        simulator.close();
    }

    @AfterEach
    void clearFaults() throws Exception {
        admin("DELETE", "/_sim/faults", null);
    }

    private static void admin(String method, String path, String json) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(simulator.endpoint() + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json").build();
        var status = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        assertThat(status).isBetween(200, 299);
    }

    private static ScreenedPrompt prompt(String text) {
        return new Guardrails().screen(GuardrailProfile.STANDARD, new ChatRequest("r-stream", HAIKU, Optional.empty(),
                List.of(new ChatMessage(Role.USER, text)), new Inference(null, null, null, List.of()), Map.of()));
    }

    /** What a listener heard, and how the stream ended. */
    private static final class Heard implements StreamListener {
        final List<String> deltas = new CopyOnWriteArrayList<>();
        final CompletableFuture<Completion> end = new CompletableFuture<>();

        @Override
        public void delta(String text) {
            deltas.add(text);
        }

        @Override
        public void completed(Completion done) {
            end.complete(done);
        }

        @Override
        public void failed(GatewayException failure) {
            end.completeExceptionally(failure);
        }

        ProblemType failure() throws Exception {
            try {
                end.get(10, TimeUnit.SECONDS);
                throw new AssertionError("the stream completed");
            } catch (java.util.concurrent.ExecutionException e) {
                return ((GatewayException) e.getCause()).problem();
            }
        }
    }

    @Test
    void deltasArriveAsTheModelWritesThemThenTheClosingFacts() throws Exception {
        var heard = new Heard();
        var calls = new ModelCalls();

        streams.stream(prompt("Tell me about the history of Rome"), calls, heard);

        var end = heard.end.get(10, TimeUnit.SECONDS);
        assertThat(heard.deltas).hasSizeGreaterThan(3);
        assertThat(String.join("", heard.deltas)).isNotBlank();
        assertThat(end.stopReason()).isEqualTo("end_turn");
        assertThat(end.usage().outputTokens()).isPositive();
        assertThat(end.text()).isEmpty();
        assertThat(calls.summary().attempts()).isEqualTo(1);
    }

    @Test
    void aConnectionDroppedMidStreamIsAnUpstreamFailureNeverAFinishedAnswer() throws Exception {
        admin("POST", "/_sim/faults", "{\"fault\":\"stream-drop\",\"times\":1,\"afterDeltas\":3}");
        var heard = new Heard();

        streams.stream(prompt("Tell me about the history of Rome"), new ModelCalls(), heard);

        assertThat(heard.failure()).isEqualTo(ProblemType.UPSTREAM_ERROR);
        assertThat(heard.deltas).hasSize(3);
    }

    @Test
    void throttlingMidStreamFailsTheStreamOnceWithoutResendingIt() throws Exception {
        admin("POST", "/_sim/faults", "{\"fault\":\"stream-throttle\",\"times\":1,\"afterDeltas\":2}");
        var heard = new Heard();

        streams.stream(prompt("Tell me about the history of Rome"), new ModelCalls(), heard);

        assertThat(heard.failure()).isEqualTo(ProblemType.THROTTLED);
        assertThat(heard.deltas).as("the SDK did not send the stream again").hasSize(2);
    }

    @Test
    void aStalledStreamTimesOutAfterTheIdleGap() throws Exception {
        admin("POST", "/_sim/faults", "{\"fault\":\"stream-stall\",\"times\":1,\"afterDeltas\":2,\"delayMs\":3000}");
        var heard = new Heard();

        streams.stream(prompt("Tell me about the history of Rome"), new ModelCalls(), heard);

        assertThat(heard.failure()).isEqualTo(ProblemType.MODEL_TIMEOUT);
        assertThat(heard.deltas).hasSize(2);
    }

    @Test
    void aCancelledStreamIsHeardNoMore() throws Exception {
        var heard = new Heard();
        var slow = BedrockSimulator.class; // the default token delay keeps the stream going long enough
        var call = streams.stream(prompt("Tell me about the history of Rome " + slow.getSimpleName()), new ModelCalls(), heard);

        call.cancel();
        Thread.sleep(200);

        assertThat(heard.end).isNotDone();
        var after = heard.deltas.size();
        Thread.sleep(200);
        assertThat(heard.deltas).hasSize(after);
    }
}
