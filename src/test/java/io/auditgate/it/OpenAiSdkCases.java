package io.auditgate.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.errors.BadRequestException;
import com.openai.errors.NotFoundException;
import com.openai.errors.OpenAIServiceException;
import com.openai.errors.PermissionDeniedException;
import com.openai.errors.RateLimitException;
import com.openai.errors.SseException;
import com.openai.errors.UnauthorizedException;
import com.openai.errors.UnprocessableEntityException;
import com.openai.helpers.ChatCompletionAccumulator;
import com.openai.models.FunctionDefinition;
import com.openai.models.FunctionParameters;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionContentPart;
import com.openai.models.chat.completions.ChatCompletionContentPartImage;
import com.openai.models.chat.completions.ChatCompletionContentPartText;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionFunctionTool;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.chat.completions.ChatCompletionTool;
import com.openai.models.chat.completions.ChatCompletionToolMessageParam;
import com.openai.models.models.Model;
import io.auditgate.conversation.TestImages;
import jakarta.json.Json;
import java.net.URI;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;

/**
 * The official OpenAI Java SDK, unchanged but for its base URL and key, against the running gateway: GatewayIT runs
 * each scenario ({@link #scenarios}) on its own gateway, so no second gateway boots. The SDK never retries here
 * ({@code maxRetries(0)}), so each error is the gateway's first answer.
 */
record OpenAiSdkCases(URI base, SimulatorControl control) {

    static final String HAIKU = ItTenants.ACME_MODEL;
    static final String PLANTED = "jane.planted@example.com";
    static final String LEAKED = "LEAKED: the model saw the planted value";

    /** One scenario, run with the gateway of the test that runs it. */
    @FunctionalInterface
    interface Scenario {
        void run(OpenAiSdkCases cases) throws Exception;
    }

    static Stream<Named<Scenario>> scenarios() {
        return Stream.of(
                Named.of("a chat", OpenAiSdkCases::aChat),
                Named.of("a streamed chat equals the chat, PII masked in both", OpenAiSdkCases::aStreamedChat),
                Named.of("the usage chunk when asked for", OpenAiSdkCases::theUsageChunk),
                Named.of("a stream the model cuts raises SseException", OpenAiSdkCases::aCutStream),
                Named.of("a tool round trip, PII masked both ways", OpenAiSdkCases::aToolRoundTrip),
                Named.of("a streamed tool round trip, accumulated", OpenAiSdkCases::aStreamedToolRoundTrip),
                Named.of("an image data URL reaches the model; its record has the digest", OpenAiSdkCases::anImage),
                Named.of("models list and retrieve", OpenAiSdkCases::models),
                Named.of("401 UnauthorizedException", OpenAiSdkCases::unauthorized),
                Named.of("403 PermissionDeniedException", OpenAiSdkCases::permissionDenied),
                Named.of("404 NotFoundException", OpenAiSdkCases::notFound),
                Named.of("400 BadRequestException", OpenAiSdkCases::badRequest),
                Named.of("422 UnprocessableEntityException", OpenAiSdkCases::unprocessable),
                Named.of("429 RateLimitException", OpenAiSdkCases::rateLimited));
    }

    OpenAIClient client(String key) {
        return OpenAIOkHttpClient.builder().baseUrl(base.resolve("/v1").toString()).apiKey(key)
                .maxRetries(0).timeout(Duration.ofSeconds(20)).build();
    }

    private static ChatCompletionCreateParams.Builder chat(String model, String prompt) {
        return ChatCompletionCreateParams.builder().model(model).addSystemMessage("Be brief.").addUserMessage(prompt);
    }

    private static String text(ChatCompletion completion) {
        return completion.choices().get(0).message().content().orElseThrow();
    }

    private List<ChatCompletionChunk> stream(ChatCompletionCreateParams params) {
        try (var stream = client(ItTenants.ACME).chat().completions().createStreaming(params)) {
            return stream.stream().toList();
        }
    }

    private static String text(List<ChatCompletionChunk> chunks) {
        var text = new StringBuilder();
        chunks.forEach(c -> c.choices().forEach(choice -> choice.delta().content().ifPresent(text::append)));
        return text.toString();
    }

    void aChat() throws Exception {
        var completion = client(ItTenants.ACME).chat().completions()
                .create(chat(HAIKU, "Tell me about Rome").seed(7L).build());

        assertThat(completion.id()).startsWith("chatcmpl-");
        assertThat(completion.model()).isEqualTo(HAIKU);
        assertThat(text(completion)).isNotBlank();
        assertThat(completion.choices().get(0).finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.STOP);
        var usage = completion.usage().orElseThrow();
        assertThat(usage.totalTokens()).isEqualTo(usage.promptTokens() + usage.completionTokens()).isPositive();
        var id = completion.id().substring("chatcmpl-".length());
        var record = GatewayIT.recordsOf(List.of(id)).get(id);
        assertThat(record.getJsonObject("api").getString("surface")).isEqualTo("openai");
        assertThat(record.getJsonObject("api").getJsonArray("ignored_fields").getString(0)).isEqualTo("seed");
        assertThat(record.getJsonObject("api").getInt("client_retry_count")).isZero();
        assertThat(record.getJsonObject("request").getString("system")).isEqualTo("Be brief.");
        assertThat(AuditTrailCheck.schemaErrors(record)).isEmpty();
    }

    void aStreamedChat() {
        scriptAnswer(2, "Sure, I mailed jane.pl", "anted@exam", "ple.com today.");
        var params = chat(HAIKU, "Confirm the contact details").build();

        var whole = text(client(ItTenants.ACME).chat().completions().create(params));
        var chunks = stream(params);

        assertThat(text(chunks)).isEqualTo(whole).contains("[EMAIL_").doesNotContain("jane.pl").doesNotContain("anted@");
        assertThat(chunks.get(0).choices().get(0).delta().role()).isPresent();
        assertThat(chunks).allSatisfy(c -> assertThat(c.id()).isEqualTo(chunks.get(0).id()));
        assertThat(chunks.get(chunks.size() - 1).choices().get(0).finishReason())
                .contains(ChatCompletionChunk.Choice.FinishReason.STOP);
        assertThat(chunks).allSatisfy(c -> assertThat(c.usage()).isEmpty());
    }

    void anImage() throws Exception {
        var png = TestImages.png(4096);
        var image = ChatCompletionContentPart.ofImageUrl(ChatCompletionContentPartImage.builder()
                .imageUrl(ChatCompletionContentPartImage.ImageUrl.builder()
                        .url(TestImages.dataUrl("image/png", png)).build()).build());
        var question = ChatCompletionContentPart.ofText(ChatCompletionContentPartText.builder()
                .text("What is in this picture?").build());
        Function<String, ChatCompletionCreateParams> params = model -> ChatCompletionCreateParams
                .builder().model(model).addSystemMessage("Be brief.")
                .addUserMessageOfArrayOfContentParts(List.of(question, image)).build();

        var completion = client(ItTenants.ACME).chat().completions().create(params.apply(HAIKU));
        var refused = catchThrowableOfType(BadRequestException.class, () -> client(ItTenants.BETA).chat().completions()
                .create(params.apply(ItTenants.BETA_MODEL)));

        assertThat(text(completion)).contains("I see 1 image(s) (png, 4096 bytes)");
        var id = completion.id().substring("chatcmpl-".length());
        var recorded = GatewayIT.recordsOf(List.of(id)).get(id).getJsonObject("request").getJsonArray("messages")
                .getJsonObject(0).getJsonArray("images").getJsonObject(0);
        assertThat(recorded.getString("sha256")).isEqualTo(HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(png)));
        assertThat(recorded.getString("position")).isEqualTo("messages[1].content[1]");
        assertThat(refused.param()).contains("messages[1].content[1]");
        assertThat(refused.code()).contains("invalid_request");
    }

    void theUsageChunk() {
        var chunks = stream(chat(HAIKU, "Tell me about Rome")
                .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build()).build());

        var last = chunks.get(chunks.size() - 1);
        assertThat(last.choices()).isEmpty();
        assertThat(last.usage().orElseThrow().completionTokens()).isPositive();
    }

    void aCutStream() {
        control.fault("stream-drop", 1, HAIKU);

        var e = catchThrowableOfType(SseException.class, () -> stream(chat(HAIKU, "Tell me about Rome").build()));

        assertThat(e.code()).contains("upstream_error");
        assertThat(e.type()).contains("server_error");
    }

    void models() {
        var client = client(ItTenants.ACME);

        var ids = client.models().list().data().stream().map(Model::id).toList();
        var one = client.models().retrieve(HAIKU);

        assertThat(ids).contains(HAIKU).doesNotContain(ItTenants.BETA_MODEL).isSorted();
        assertThat(one.id()).isEqualTo(HAIKU);
        assertThat(one.ownedBy()).isEqualTo("anthropic");
        assertThat(catchThrowableOfType(NotFoundException.class, () -> client.models().retrieve(ItTenants.BETA_MODEL))
                .code()).contains("model_not_found");
    }

    void unauthorized() {
        var e = catchThrowableOfType(UnauthorizedException.class,
                () -> client("ag_wrong_key").chat().completions().create(chat(HAIKU, "Hi").build()));

        assertThat(e.code()).contains("invalid_api_key");
        assertThat(e.headers().values("x-request-id")).hasSize(1);
        assertThat(catchThrowableOfType(UnauthorizedException.class, () -> client("ag_wrong_key").models().list()))
                .isNotNull();
    }

    void permissionDenied() {
        var e = catchThrowableOfType(PermissionDeniedException.class,
                () -> client(ItTenants.ACME).chat().completions().create(chat(ItTenants.BETA_MODEL, "Hi").build()));

        assertThat(e.code()).contains("model_not_allowed");
        assertThat(e.headers().values("x-should-retry")).containsExactly("false");
    }

    void notFound() {
        var e = catchThrowableOfType(NotFoundException.class,
                () -> client(ItTenants.ACME).chat().completions().create(chat("gpt-4o", "Hi").build()));

        assertThat(e.code()).contains("model_not_found");
        assertThat(e.param()).contains("model");
    }

    void badRequest() {
        var e = catchThrowableOfType(BadRequestException.class,
                () -> client(ItTenants.ACME).chat().completions().create(chat(HAIKU, "Hi").temperature(1.5).build()));
        var pending = catchThrowableOfType(BadRequestException.class,
                () -> client(ItTenants.ACME).chat().completions().create(chat(HAIKU, "Hi").n(2).build()));

        assertThat(e.param()).contains("temperature");
        assertThat(e.type()).contains("invalid_request_error");
        assertThat(pending.param()).contains("n");
    }

    void unprocessable() {
        var e = catchThrowableOfType(UnprocessableEntityException.class, () -> client(ItTenants.BETA).chat().completions()
                .create(chat(ItTenants.BETA_MODEL, "Card 4111111111111111, mail jane@example.com").build()));

        assertThat(e.code()).contains("prompt_blocked");
        assertThat(e.headers().values("x-should-retry")).containsExactly("false");
        assertThat(e.getMessage()).doesNotContain("4111111111111111");
    }

    void rateLimited() {
        var model = "mistral.mistral-7b-instruct-v0:2";
        control.fault("throttle", -1, model);

        var e = catchThrowableOfType(RateLimitException.class,
                () -> client(ItTenants.ACME).chat().completions().create(chat(model, "Hi").build()));

        assertThat(e.code()).contains("throttled");
        assertThat(e.headers().values("retry-after")).hasSize(1);
        assertThat(e).isInstanceOf(OpenAIServiceException.class);
    }

    /** A leak trap: should a prompt holding {@link #PLANTED} ever reach the model, its answer is {@link #LEAKED}. */
    private void trapLeaks() {
        var body = Json.createObjectBuilder().add("text", LEAKED).add("times", -1).add("promptContains", PLANTED)
                .build().toString();
        assertThat(Http.postJson(control.endpoint().resolve("/_sim/answers"), body).statusCode()).isBetween(200, 204);
    }

    /** The model's next tool call writes {@code input} as its arguments. */
    private void scriptToolInput(jakarta.json.JsonObject input) {
        var body = Json.createObjectBuilder().add("toolInput", input).add("times", 1).build().toString();
        assertThat(Http.postJson(control.endpoint().resolve("/_sim/answers"), body).statusCode()).isBetween(200, 204);
    }

    private static ChatCompletionTool weatherTool() {
        return ChatCompletionTool.ofFunction(ChatCompletionFunctionTool.builder().function(FunctionDefinition.builder()
                .name("get_weather").description("The weather in a city, and who asked")
                .parameters(FunctionParameters.builder()
                        .putAdditionalProperty("type", JsonValue.from("object"))
                        .putAdditionalProperty("properties", JsonValue.from(Map.of("city", Map.of("type", "string"))))
                        .build())
                .build()).build());
    }

    /**
     * Tool call, then tool result, then the answer: the model writes PII into the arguments (the client gets it
     * masked), the tool result holds PII (the leak trap shows it never reaches the model: the answer is the
     * simulator's echo of the masked result), and the record holds the tool names and masked calls and results.
     */
    void aToolRoundTrip() throws Exception {
        trapLeaks();
        scriptToolInput(Json.createObjectBuilder().add("city", "Paris").add("notify", PLANTED).build());
        var client = client(ItTenants.ACME);
        var params = chat(HAIKU, "What is the weather? use tool get_weather").addTool(weatherTool());

        var first = client.chat().completions().create(params.build()).choices().get(0);

        assertThat(first.finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.TOOL_CALLS);
        var call = first.message().toolCalls().orElseThrow().get(0).asFunction();
        assertThat(call.function().name()).isEqualTo("get_weather");
        assertThat(call.function().arguments()).contains("\"city\":\"Paris\"").contains("[EMAIL_").doesNotContain(PLANTED);
        params.addMessage(first.message()).addMessage(ChatCompletionToolMessageParam.builder().toolCallId(call.id())
                .content("Sunny, 24 degrees; report to " + PLANTED).build());
        var answer = client.chat().completions().create(params.build());

        assertThat(text(answer)).contains("The tool get_weather returned").contains("[EMAIL_").doesNotContain(LEAKED);
        assertThat(answer.choices().get(0).finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.STOP);
        var id = answer.id().substring("chatcmpl-".length());
        var record = GatewayIT.recordsOf(List.of(id)).get(id);
        assertThat(record.toString()).doesNotContain(PLANTED);
        assertThat(record.getJsonObject("request").getJsonArray("tools").getString(0)).isEqualTo("get_weather");
        var messages = record.getJsonObject("request").getJsonArray("messages");
        assertThat(messages.getJsonObject(2).getJsonArray("tool_results").getJsonObject(0).getString("content"))
                .startsWith("Sunny, 24 degrees; report to [EMAIL_");
        assertThat(AuditTrailCheck.schemaErrors(record)).isEmpty();
    }

    /** The same round trip streamed, each answer rebuilt by the SDK's ChatCompletionAccumulator. */
    void aStreamedToolRoundTrip() {
        trapLeaks();
        scriptToolInput(Json.createObjectBuilder().add("city", "Rome").add("notify", PLANTED).build());
        var params = chat(HAIKU, "Weather please, use tool get_weather").addTool(weatherTool());

        var first = accumulated(params.build()).choices().get(0);

        assertThat(first.finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.TOOL_CALLS);
        var call = first.message().toolCalls().orElseThrow().get(0).asFunction();
        assertThat(call.id()).startsWith("tooluse_");
        assertThat(call.function().name()).isEqualTo("get_weather");
        assertThat(call.function().arguments()).contains("\"city\":\"Rome\"").contains("[EMAIL_").doesNotContain(PLANTED);
        params.addMessage(first.message()).addMessage(ChatCompletionToolMessageParam.builder().toolCallId(call.id())
                .content("Rain; owner " + PLANTED).build());
        var answer = accumulated(params.build());

        assertThat(text(answer)).contains("The tool get_weather returned").contains("[EMAIL_").doesNotContain(LEAKED);
    }

    private ChatCompletion accumulated(ChatCompletionCreateParams params) {
        var accumulator = ChatCompletionAccumulator.create();
        try (var stream = client(ItTenants.ACME).chat().completions().createStreaming(params)) {
            stream.stream().forEach(accumulator::accumulate);
        }
        return accumulator.chatCompletion();
    }

    /** The model's next {@code times} answers, as exactly these deltas. */
    private void scriptAnswer(int times, String... chunks) {
        var list = Json.createArrayBuilder();
        for (var chunk : chunks) {
            list.add(chunk);
        }
        var body = Json.createObjectBuilder().add("chunks", list).add("times", times).build().toString();
        assertThat(Http.postJson(control.endpoint().resolve("/_sim/answers"), body).statusCode()).isBetween(200, 204);
    }
}
