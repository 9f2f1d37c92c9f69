package io.auditgate.bedrock;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditgate.conversation.ChatMessage;
import io.auditgate.conversation.ChatRequest;
import io.auditgate.conversation.Completion;
import io.auditgate.conversation.ToolCall;
import io.auditgate.conversation.Inference;
import io.auditgate.conversation.Role;
import io.auditgate.guardrail.GuardrailProfile;
import io.auditgate.guardrail.Guardrails;
import io.auditgate.guardrail.ScreenedPrompt;
import io.auditgate.problem.GatewayException;
import io.auditgate.problem.ProblemType;
import io.auditgate.simulator.BedrockSimulator;
import io.auditgate.simulator.SimulatorOptions;
import jakarta.json.Json;
import java.io.StringReader;
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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real SDK (asynchronous, Netty) against the simulator's ConverseStream, and {@link ModelStreams} wired by hand
 * around it with the settings a test needs; the simulator's admin API sets faults and counts calls. A test class
 * registers it ({@code @RegisterExtension static final}): its faults are cleared after each test, and all of it is
 * closed after the class.
 */
final class StreamRig implements AutoCloseable, AfterEachCallback, AfterAllCallback {

    static final String HAIKU = "anthropic.claude-3-haiku-20240307-v1:0";

    private final BedrockSimulator simulator;
    private final BedrockClients clients;
    private final List<AutoCloseable> wired = new CopyOnWriteArrayList<>();
    private final HttpClient admin = HttpClient.newHttpClient();

    StreamRig(SimulatorOptions options) {
        simulator = BedrockSimulator.start(options);
        clients = new BedrockClients();
        clients.region = "us-east-1";
        clients.endpoint = Optional.of(simulator.endpoint());
        clients.credentials = "local";
        clients.maxInFlight = 64;
        clients.connectTimeout = Duration.ofSeconds(2);
        clients.acquireTimeout = Duration.ofSeconds(2);
        clients.build();
    }

    /** Streams with this deadline and idle gap, {@code maxRetries} retries {@code delay} apart (10 ms jitter). */
    ModelStreams streams(Duration timeout, Duration idle, int maxRetries, Duration delay, ModelBreakers breakers) {
        var upstream = new UpstreamCalls();
        upstream.maxRetries = maxRetries;
        upstream.retryDelay = delay;
        upstream.retryJitter = Duration.ofMillis(10);
        upstream.retryAfter = Duration.ofSeconds(2);
        upstream.configure();
        var streams = new ModelStreams();
        streams.clients = clients;
        streams.breakers = breakers;
        streams.upstream = upstream;
        streams.timeout = timeout;
        streams.idleTimeout = idle;
        streams.retryAfter = Duration.ofSeconds(2);
        streams.start();
        wired.add(streams::stop);
        wired.add(upstream::stop);
        return streams;
    }

    /** Single answers (Converse) with this deadline and {@code maxRetries} retries {@code delay} apart. */
    BedrockModel model(Duration timeout, int maxRetries, Duration delay, ModelBreakers breakers) {
        var upstream = new UpstreamCalls();
        upstream.clients = clients;
        upstream.breakers = breakers;
        upstream.maxRetries = maxRetries;
        upstream.retryDelay = delay;
        upstream.retryJitter = Duration.ofMillis(10);
        upstream.retryAfter = Duration.ofSeconds(2);
        upstream.configure();
        wired.add(upstream::stop);
        var model = new BedrockModel();
        model.upstream = upstream;
        model.timeout = timeout;
        return model;
    }

    /** A breaker that opens after {@code failures} failures in the last {@code window} attempts. */
    static ModelBreakers breakers(int failures, int window) {
        var breakers = new ModelBreakers();
        breakers.failures = failures;
        breakers.window = window;
        breakers.delay = Duration.ofSeconds(30);
        return breakers;
    }

    /** Adds a fault rule ({@code POST /_sim/faults}). */
    void fault(String json) {
        assertThat(send("POST", "/_sim/faults", json).statusCode()).isBetween(200, 299);
    }

    /** Removes all rules and zeroes the counts. */
    void reset() {
        assertThat(send("POST", "/_sim/reset", null).statusCode()).isBetween(200, 299);
    }

    /** ConverseStream calls the simulator received for {@link #HAIKU}. */
    int streamCalls() {
        return calls(HAIKU, "converse-stream");
    }

    /** Calls of {@code operation} ({@code converse}, {@code converse-stream}) the simulator received for {@code model}. */
    int calls(String modelId, String operation) {
        var stats = Json.createReader(new StringReader(send("GET", "/_sim/stats", null).body())).readObject();
        var model = stats.getJsonObject("models").getJsonObject(modelId);
        return model == null ? 0 : model.getInt(operation, 0);
    }

    static ScreenedPrompt prompt(String text) {
        return new Guardrails().screen(GuardrailProfile.STANDARD, new ChatRequest("r-stream", HAIKU, Optional.empty(),
                List.of(new ChatMessage(Role.USER, text)), new Inference(null, null, null, List.of()), Map.of()));
    }

    private HttpResponse<String> send(String method, String path, String json) {
        var request = HttpRequest.newBuilder(URI.create(simulator.endpoint() + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json").build();
        try {
            return admin.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        reset();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        close();
    }

    @Override
    public void close() throws Exception {
        for (var each : wired) {
            each.close();
        }
        clients.close();
        simulator.close();
    }

    /** What a listener heard, and how the stream ended. */
    static final class Heard implements StreamListener {
        final List<String> deltas = new CopyOnWriteArrayList<>();
        final List<ToolCall> toolCalls = new CopyOnWriteArrayList<>();
        final CompletableFuture<Completion> end = new CompletableFuture<>();

        @Override
        public void delta(String text) {
            deltas.add(text);
        }

        @Override
        public void toolCall(ToolCall call) {
            toolCalls.add(call);
        }

        @Override
        public void completed(Completion done) {
            end.complete(done);
        }

        @Override
        public void failed(GatewayException failure) {
            end.completeExceptionally(failure);
        }

        Completion completion() throws Exception {
            return end.get(10, TimeUnit.SECONDS);
        }

        ProblemType failure() throws Exception {
            return failed().problem();
        }

        GatewayException failed() throws Exception {
            try {
                end.get(10, TimeUnit.SECONDS);
                throw new AssertionError("the stream completed");
            } catch (ExecutionException e) {
                return (GatewayException) e.getCause();
            }
        }

        String text() {
            return String.join("", deltas);
        }
    }
}
