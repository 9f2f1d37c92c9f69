package io.auditgate.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelWithResponseStreamRequest;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelWithResponseStreamResponseHandler;
import software.amazon.awssdk.services.bedrockruntime.model.ModelStreamErrorException;
import software.amazon.awssdk.services.bedrockruntime.model.ThrottlingException;
import software.amazon.awssdk.services.bedrockruntime.model.ValidationException;

class InvokeModelTest {

    private static final String BODY = """
            {"anthropic_version":"bedrock-2023-05-31","max_tokens":%d,"system":"Be brief.",
             "messages":[{"role":"user","content":[{"type":"text","text":"Why is the sky blue?"}]}]}""";

    @RegisterExtension
    static final SimulatorFixture simulator = new SimulatorFixture();

    private static JsonObject json(String text) {
        try (var reader = jakarta.json.Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    @Test
    void answersAnAnthropicMessagesBodyWithTokenCountHeaders() {
        var response = simulator.sync().invokeModel(r -> r.modelId(SdkClients.HAIKU).contentType("application/json")
                .body(SdkBytes.fromUtf8String(BODY.formatted(300))));

        JsonObject message = json(response.body().asUtf8String());
        String text = message.getJsonArray("content").getJsonObject(0).getString("text");
        assertThat(message.getString("type")).isEqualTo("message");
        assertThat(message.getString("role")).isEqualTo("assistant");
        assertThat(message.getString("model")).isEqualTo("claude-3-haiku-20240307");
        assertThat(message.getString("stop_reason")).isEqualTo("end_turn");
        assertThat(text).startsWith("Simulated answer from " + SdkClients.HAIKU).contains("sky", "blue");
        int input = ("Be brief.".length() + "Why is the sky blue?".length() + 3) / 4;
        assertThat(message.getJsonObject("usage").getInt("input_tokens")).isEqualTo(input);
        var headers = response.sdkHttpResponse();
        assertThat(headers.firstMatchingHeader("x-amzn-bedrock-input-token-count")).contains(Integer.toString(input));
        assertThat(headers.firstMatchingHeader("x-amzn-bedrock-output-token-count"))
                .contains(Integer.toString((text.length() + 3) / 4));
        assertThat(headers.firstMatchingHeader("x-amzn-bedrock-invocation-latency")).isPresent();
        assertThat(response.contentType()).isEqualTo("application/json");
    }

    @Test
    void truncatesAtMaxTokens() {
        var response = simulator.sync().invokeModel(r -> r.modelId(SdkClients.HAIKU)
                .body(SdkBytes.fromUtf8String(BODY.formatted(2))));

        JsonObject message = json(response.body().asUtf8String());
        assertThat(message.getString("stop_reason")).isEqualTo("max_tokens");
        assertThat(message.getJsonObject("usage").getInt("output_tokens")).isEqualTo(2);
    }

    @Test
    void rejectsNonAnthropicModelsAndBodiesWithoutMaxTokens() {
        assertThatThrownBy(() -> simulator.sync().invokeModel(r -> r.modelId("meta.llama3-8b-instruct-v1:0")
                .body(SdkBytes.fromUtf8String(BODY.formatted(10)))))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> simulator.sync().invokeModel(r -> r.modelId(SdkClients.HAIKU)
                .body(SdkBytes.fromUtf8String("{\"anthropic_version\":\"bedrock-2023-05-31\",\"messages\":[]}"))))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("required key [max_tokens] not found");
        assertThatThrownBy(() -> simulator.sync().invokeModel(r -> r.modelId(SdkClients.HAIKU)
                .body(SdkBytes.fromUtf8String("{\"anthropic_version\":"))))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("Malformed input request");
    }

    private List<JsonObject> streamEvents(InvokeModelWithResponseStreamRequest request) throws Exception {
        List<JsonObject> events = new ArrayList<>();
        var handler = InvokeModelWithResponseStreamResponseHandler.builder()
                .subscriber(InvokeModelWithResponseStreamResponseHandler.Visitor.builder()
                        .onChunk(chunk -> events.add(json(new String(chunk.bytes().asByteArray(),
                                StandardCharsets.UTF_8))))
                        .build())
                .build();
        simulator.async().invokeModelWithResponseStream(request, handler).get(10, TimeUnit.SECONDS);
        return events;
    }

    @Test
    void streamsAnthropicEventsInBase64ChunksEndingWithInvocationMetrics() throws Exception {
        var events = streamEvents(InvokeModelWithResponseStreamRequest.builder().modelId(SdkClients.HAIKU)
                .body(SdkBytes.fromUtf8String(BODY.formatted(300))).build());
        var whole = json(simulator.sync().invokeModel(r -> r.modelId(SdkClients.HAIKU)
                .body(SdkBytes.fromUtf8String(BODY.formatted(300)))).body().asUtf8String());

        assertThat(events).extracting(e -> e.getString("type")).startsWith("message_start", "content_block_start")
                .endsWith("content_block_stop", "message_delta", "message_stop")
                .contains("content_block_delta");
        var text = new StringBuilder();
        events.stream().filter(e -> e.getString("type").equals("content_block_delta"))
                .forEach(e -> text.append(e.getJsonObject("delta").getString("text")));
        assertThat(text.toString()).isEqualTo(whole.getJsonArray("content").getJsonObject(0).getString("text"));
        JsonObject metrics = events.get(events.size() - 1).getJsonObject("amazon-bedrock-invocationMetrics");
        assertThat(metrics.getInt("inputTokenCount")).isEqualTo(whole.getJsonObject("usage").getInt("input_tokens"));
        assertThat(metrics.getInt("outputTokenCount")).isEqualTo(whole.getJsonObject("usage").getInt("output_tokens"));
        assertThat(metrics.keySet()).contains("invocationLatency", "firstByteLatency");
        assertThat(events.get(events.size() - 2).getJsonObject("delta").getString("stop_reason")).isEqualTo("end_turn");
    }

    @Test
    void surfacesAnInvokeStreamErrorAsModelStreamErrorException() {
        var request = InvokeModelWithResponseStreamRequest.builder().modelId(SdkClients.HAIKU)
                .body(SdkBytes.fromUtf8String(BODY.formatted(300)))
                .overrideConfiguration(o -> o.putHeader("x-sim-fault", "stream-error")).build();

        assertThatThrownBy(() -> streamEvents(request)).hasCauseInstanceOf(ModelStreamErrorException.class);
    }

    @Test
    void shapesAndThrottlesAnInvokeStreamLikeAConverseStream() {
        var request = InvokeModelWithResponseStreamRequest.builder().modelId(SdkClients.HAIKU)
                .body(SdkBytes.fromUtf8String(BODY.formatted(300)))
                .overrideConfiguration(o -> o.putHeader("x-sim-fault", "stream-throttle")
                        .putHeader("x-sim-fault-after", "5").putHeader("x-sim-chunk-chars", "2")).build();
        List<String> deltas = new ArrayList<>();
        var handler = InvokeModelWithResponseStreamResponseHandler.builder()
                .subscriber(InvokeModelWithResponseStreamResponseHandler.Visitor.builder()
                        .onChunk(chunk -> {
                            var event = json(chunk.bytes().asUtf8String());
                            if (event.getString("type").equals("content_block_delta")) {
                                deltas.add(event.getJsonObject("delta").getString("text"));
                            }
                        }).build())
                .build();

        assertThatThrownBy(() -> simulator.async().invokeModelWithResponseStream(request, handler)
                .get(10, TimeUnit.SECONDS))
                .hasCauseInstanceOf(ThrottlingException.class);
        assertThat(deltas).hasSize(5).allSatisfy(delta -> assertThat(delta).hasSize(2));
    }
}
