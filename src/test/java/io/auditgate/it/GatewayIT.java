package io.auditgate.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.auditgate.client.ApiClient;
import io.auditgate.client.ApiException;
import io.auditgate.client.api.InvokeApi;
import io.auditgate.client.model.ChatMessage;
import io.auditgate.client.model.InvokeRequest;
import io.auditgate.conversation.TestImages;
import io.auditgate.testing.Await;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The built WAR on real Payara Micro (one boot for the class), calling the Bedrock simulator through the real
 * AWS SDK. Upstream behaviour is set per model id through the simulator's admin API, so tests stay independent.
 * The gateway runs with bedrock.timeout=PT3S, a bulkhead of 4 and short retry delays (see the failsafe config).
 */
class GatewayIT extends DeployedGateway {

    static final String HAIKU = "anthropic.claude-3-haiku-20240307-v1:0";
    static final Duration GATEWAY_TIMEOUT = Duration.ofSeconds(3);

    @RegisterExtension
    static final ItSimulator simulator = new ItSimulator();

    private URI invoke() {
        return base.resolve("/invoke");
    }

    private InvokeApi client() {
        var client = new ApiClient();
        client.setHttpClientBuilder(java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1));
        client.updateBaseUri(base.resolve("/").toString().replaceAll("/$", ""));
        client.setReadTimeout(Duration.ofSeconds(20));
        client.setRequestInterceptor(request -> request.header("x-api-key", ItTenants.ACME));
        return new InvokeApi(client);
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    private static String prompt(String model, String text) {
        return Json.createObjectBuilder().add("model", model).add("prompt", text).build().toString();
    }

    /** A streamed /invoke: its events in order, as (name, data) pairs. */
    private List<String[]> stream(String body) {
        var response = Http.send(HttpRequest.newBuilder(invoke()).header("Content-Type", "application/json")
                .header("x-api-key", ItTenants.ACME).header("Accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
        var events = new ArrayList<String[]>();
        for (var block : response.body().split("\n\n")) {
            String name = null;
            String data = null;
            for (var line : block.split("\n")) {
                if (line.startsWith("event: ")) {
                    name = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    data = line.substring(6);
                }
            }
            if (name != null) {
                events.add(new String[] {name, data});
            }
        }
        return events;
    }

    private static String deltas(List<String[]> events) {
        var text = new StringBuilder();
        events.stream().filter(e -> e[0].equals("delta")).forEach(e -> text.append(json(e[1]).getString("text")));
        return text.toString();
    }

    static Stream<org.junit.jupiter.api.Named<OpenAiSdkCases.Scenario>> openAiSdkScenarios() {
        return OpenAiSdkCases.scenarios();
    }

    /** The OpenAI-compatible API with the official OpenAI Java SDK, on this class's gateway (no second boot). */
    @ParameterizedTest(name = "OpenAI Java SDK: {0}")
    @MethodSource("openAiSdkScenarios")
    void theOfficialOpenAiJavaSdkWorksUnchanged(OpenAiSdkCases.Scenario scenario) throws Exception {
        scenario.run(new OpenAiSdkCases(base, simulator.control()));
    }

    @Test
    void aStreamedInvokeSendsStartDeltasAndEndWithItsCompleteRecord() throws Exception {
        var events = stream("{\"prompt\":\"Tell me about the history of Rome\",\"stream\":true}");

        assertThat(events.get(0)[0]).isEqualTo("start");
        var id = json(events.get(0)[1]).getString("request_id");
        assertThat(json(events.get(0)[1]).getString("model_id")).isEqualTo(HAIKU);
        assertThat(events.stream().filter(e -> e[0].equals("delta")).count()).isGreaterThan(1);
        var end = json(events.get(events.size() - 1)[1]);
        assertThat(events.get(events.size() - 1)[0]).isEqualTo("end");
        assertThat(end.getString("stop_reason")).isEqualTo("end_turn");
        assertThat(end.getJsonObject("usage").getInt("output_tokens")).isPositive();
        assertThat(end.getString("guardrail_status")).isEqualTo("allowed");
        var record = recordsOf(List.of(id)).get(id);
        assertThat(record.getJsonObject("stream").getString("ended")).isEqualTo("finished");
        assertThat(record.getJsonObject("response").getString("text")).isEqualTo(deltas(events));
        assertThat(record.getJsonObject("api").getString("surface")).isEqualTo("invoke");
        assertThat(AuditTrailCheck.schemaErrors(record)).isEmpty();
    }

    @Test
    void aValueTheModelSplitsAcrossChunksNeverLeavesUnmasked() throws Exception {
        simulator.control().answerInChunks("Sure, I mailed jane.pl", "anted@exam", "ple.com and called +44 20 79", "46 0958 today.");

        var events = stream("{\"prompt\":\"Confirm the contact details\",\"stream\":true}");

        var sent = deltas(events);
        assertThat(String.join("", events.stream().map(e -> e[1]).toList())).doesNotContain("jane.pl")
                .doesNotContain("anted@").doesNotContain("7946");
        assertThat(sent).contains("[EMAIL_").contains("[PHONE_");
        assertThat(json(events.get(events.size() - 1)[1]).getString("guardrail_status")).isEqualTo("redacted");
    }

    @Test
    void aStreamCutByTheModelEndsWithAnErrorEventAndItsRecordSaysWhy() throws Exception {
        simulator.control().fault("stream-drop", 1, HAIKU);

        var events = stream("{\"prompt\":\"Tell me about the history of Rome\",\"stream\":true}");

        var id = json(events.get(0)[1]).getString("request_id");
        var last = events.get(events.size() - 1);
        assertThat(last[0]).isEqualTo("error");
        assertThat(json(last[1]).getString("type")).endsWith("/upstream-error");
        var record = recordsOf(List.of(id)).get(id);
        assertThat(record.getJsonObject("stream").getString("ended")).isEqualTo("upstream-error");
        assertThat(AuditTrailCheck.schemaErrors(record)).isEmpty();
    }

    @Test
    void aStreamThrottledBeforeItsFirstDeltaIsRetriedAndItsRecordCountsBothAttempts() throws Exception {
        simulator.control().streamFault("stream-throttle", 1, HAIKU, 0);

        var events = stream("{\"prompt\":\"Tell me about the history of Rome\",\"stream\":true}");

        var id = json(events.get(0)[1]).getString("request_id");
        assertThat(events.get(events.size() - 1)[0]).isEqualTo("end");
        var record = recordsOf(List.of(id)).get(id);
        assertThat(record.getJsonObject("stream").getString("ended")).isEqualTo("finished");
        assertThat(record.getJsonObject("outcome").getInt("attempts")).isEqualTo(2);
        assertThat(record.getJsonObject("response").getString("text")).isEqualTo(deltas(events));
        assertThat(simulator.control().calls(HAIKU)).isEqualTo(2);
    }

    @Test
    void aStreamThrottledAfterItsFirstDeltaIsNotRetriedAndEndsWithAnErrorEvent() throws Exception {
        simulator.control().streamFault("stream-throttle", 1, HAIKU, 2);

        var events = stream("{\"prompt\":\"Tell me about the history of Rome\",\"stream\":true}");

        var id = json(events.get(0)[1]).getString("request_id");
        var last = events.get(events.size() - 1);
        assertThat(last[0]).isEqualTo("error");
        assertThat(json(last[1]).getString("type")).endsWith("/throttled");
        var record = recordsOf(List.of(id)).get(id);
        assertThat(record.getJsonObject("stream").getString("ended")).isEqualTo("upstream-error");
        assertThat(record.getJsonObject("outcome").getInt("attempts")).isEqualTo(1);
        assertThat(simulator.control().calls(HAIKU)).isEqualTo(1);
        assertThat(AuditTrailCheck.schemaErrors(record)).isEmpty();
    }

    @Test
    void aClientThatLeavesMidStreamGetsItsStreamCancelledAndARecordThatSaysSo() throws Exception {
        simulator.control().fault("stream-stall", 1, HAIKU, 8000); // a few deltas, then the model is silent for 8 s
        var client = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        var response = client.send(HttpRequest.newBuilder(invoke()).header("Content-Type", "application/json")
                .header("x-api-key", ItTenants.ACME)
                .POST(HttpRequest.BodyPublishers.ofString("{\"prompt\":\"Tell me about the history of Rome\",\"stream\":true}"))
                .build(), HttpResponse.BodyHandlers.ofInputStream());
        String id = null;
        try (var reader = new java.io.BufferedReader(new java.io.InputStreamReader(response.body(), java.nio.charset.StandardCharsets.UTF_8))) {
            for (var line = reader.readLine(); id == null && line != null; line = reader.readLine()) {
                if (line.startsWith("data: ")) {
                    id = json(line.substring(6)).getString("request_id");
                }
            }
        } // the client leaves: closing the body before its end closes the connection

        var record = recordsOf(List.of(id)).get(id);
        assertThat(record.getJsonObject("stream").getString("ended")).isEqualTo("client-closed");
        assertThat(AuditTrailCheck.schemaErrors(record)).isEmpty();
    }

    /**
     * A model that goes silent mid-answer: the gateway keeps the connection alive with SSE comments every
     * {@code gateway.stream-heartbeat} (0.5 s here, 5 s by default; the load balancer's and API Gateway's idle timeouts
     * are 300 s, {@code IngressTemplateTest}) until the model's deadline ends the stream, and clients skip them.
     */
    @Test
    void aSilentModelsStreamCarriesHeartbeatCommentsUntilItsDeadline() {
        simulator.control().fault("stream-stall", 1, HAIKU, 8000); // a few deltas, then the model is silent past the 3 s deadline
        var response = Http.send(HttpRequest.newBuilder(invoke()).header("Content-Type", "application/json")
                .header("x-api-key", ItTenants.ACME)
                .POST(HttpRequest.BodyPublishers.ofString("{\"prompt\":\"Tell me about the history of Rome\",\"stream\":true}")));

        String body = response.body();
        int lastDelta = body.lastIndexOf("event: delta\n");
        int terminal = Math.max(body.lastIndexOf("event: error\n"), body.lastIndexOf("event: end\n"));
        assertThat(lastDelta).isPositive();
        assertThat(terminal).isGreaterThan(lastDelta);
        assertThat(body.substring(lastDelta, terminal).split(": heartbeat\n\n", -1).length - 1)
                .as("heartbeats while the model was silent").isGreaterThanOrEqualTo(2);
    }

    /** Fallback: the IT policy routes {@link #OPUS} to {@link #PREMIER} for acme. */
    private static final String OPUS = "anthropic.claude-3-opus-20240229-v1:0";
    private static final String PREMIER = "amazon.titan-text-premier-v1:0";

    /** The record's attempts as "model outcome" lines, and that it counts them and is schema-valid. */
    private static List<String> attempts(JsonObject record) throws java.io.IOException {
        assertThat(AuditTrailCheck.schemaErrors(record)).isEmpty();
        var attempts = record.getJsonObject("model").getJsonArray("attempts").getValuesAs(JsonObject.class).stream()
                .map(a -> a.getString("model") + " " + a.getString("outcome")).toList();
        assertThat(record.getJsonObject("outcome").getInt("attempts")).isEqualTo(attempts.size());
        return attempts;
    }

    private static void answeredByTheFallback(JsonObject record) throws java.io.IOException {
        assertThat(record.getJsonObject("model").getString("requested")).isEqualTo(OPUS);
        assertThat(record.getJsonObject("model").getString("resolved")).isEqualTo(PREMIER);
        var attempts = attempts(record);
        assertThat(attempts.get(0)).isEqualTo(OPUS + " throttled");
        assertThat(attempts.get(attempts.size() - 1)).isEqualTo(PREMIER + " answered");
        assertThat(attempts.subList(0, attempts.size() - 1)).allMatch(a -> a.equals(OPUS + " throttled"));
    }

    @Test
    void aThrottledModelFallsBackOnInvokeAndTheAnswerAndItsRecordNameTheModelThatAnswered() throws Exception {
        simulator.control().fault("throttle", -1, OPUS);

        var response = Http.send(HttpRequest.newBuilder(invoke()).header("Content-Type", "application/json")
                .header("x-api-key", ItTenants.ACME).POST(HttpRequest.BodyPublishers.ofString(prompt(OPUS, "Hello"))));

        assertThat(response.statusCode()).isEqualTo(200);
        var answer = json(response.body());
        assertThat(answer.getString("model_id")).isEqualTo(PREMIER);
        var id = answer.getString("request_id");
        answeredByTheFallback(recordsOf(List.of(id)).get(id));
        assertThat(simulator.control().calls(PREMIER)).isEqualTo(1);
    }

    @Test
    void aThrottledModelFallsBackOnChatCompletionsAndTheAnswerNamesTheModelThatAnswered() throws Exception {
        simulator.control().fault("throttle", -1, OPUS);
        var body = "{\"model\":\"" + OPUS + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]}";

        var response = chatCompletion(body, ItTenants.ACME);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response.body()).getString("model")).isEqualTo(PREMIER);
        var id = response.headers().firstValue(io.auditgate.request.RequestIds.HEADER).orElseThrow();
        answeredByTheFallback(recordsOf(List.of(id)).get(id));
    }

    @Test
    void aStreamThrottledBeforeItsFirstDeltaFallsBackAndItsEndAndRecordNameTheModelThatAnswered() throws Exception {
        simulator.control().fault("throttle", -1, OPUS);

        var events = stream("{\"model\":\"" + OPUS + "\",\"prompt\":\"Tell me about Rome\",\"stream\":true}");

        var id = json(events.get(0)[1]).getString("request_id");
        assertThat(events.get(events.size() - 1)[0]).isEqualTo("end");
        assertThat(json(events.get(events.size() - 1)[1]).getString("model_id")).isEqualTo(PREMIER);
        var record = recordsOf(List.of(id)).get(id);
        assertThat(record.getJsonObject("stream").getString("ended")).isEqualTo("finished");
        answeredByTheFallback(record);
    }

    @Test
    void aStreamedChatCompletionThatFallsBackNamesTheAnsweringModelInItsChunks() throws Exception {
        simulator.control().fault("throttle", -1, OPUS);
        var body = "{\"model\":\"" + OPUS + "\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"Tell me about Rome\"}]}";

        var response = chatCompletion(body, ItTenants.ACME);

        assertThat(response.statusCode()).isEqualTo(200);
        var chunks = response.body().lines().filter(l -> l.startsWith("data: {")).map(l -> json(l.substring(6))).toList();
        var withText = chunks.stream().filter(c -> !c.getJsonArray("choices").isEmpty()
                && c.getJsonArray("choices").getJsonObject(0).getJsonObject("delta").getString("content", "").length() > 0).toList();
        assertThat(withText).isNotEmpty().allSatisfy(c -> assertThat(c.getString("model")).isEqualTo(PREMIER));
        assertThat(chunks.get(chunks.size() - 1).getString("model")).isEqualTo(PREMIER);
        var id = response.headers().firstValue(io.auditgate.request.RequestIds.HEADER).orElseThrow();
        answeredByTheFallback(recordsOf(List.of(id)).get(id));
    }

    @Test
    void whenTheModelAndItsFallbackAreUnavailableTheAnswerIs503AndTheRecordHasEveryAttempt() throws Exception {
        simulator.control().fault("unavailable", -1, OPUS);
        simulator.control().fault("unavailable", -1, PREMIER);

        var response = Http.send(HttpRequest.newBuilder(invoke()).header("Content-Type", "application/json")
                .header("x-api-key", ItTenants.ACME).POST(HttpRequest.BodyPublishers.ofString(prompt(OPUS, "Hello"))));

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(json(response.body()).getString("type")).endsWith("/model-unavailable");
        var id = response.headers().firstValue(io.auditgate.request.RequestIds.HEADER).orElseThrow();
        var record = recordsOf(List.of(id)).get(id);
        assertThat(record.getJsonObject("outcome").getInt("http_status")).isEqualTo(503);
        assertThat(record.getJsonObject("model").containsKey("resolved")).isFalse();
        var attempts = attempts(record);
        assertThat(attempts).contains(OPUS + " model-unavailable", PREMIER + " model-unavailable");
        assertThat(attempts.get(attempts.size() - 1)).isEqualTo(PREMIER + " model-unavailable");
        assertThat(simulator.control().calls(OPUS) + simulator.control().calls(PREMIER)).isEqualTo(attempts.size());
    }

    /**
     * A /v1 chat that shows an image, answered whole and streamed: the simulator names the image, so its bytes
     * reached Converse and ConverseStream.
     */
    @Test
    void anImageAcmeAllowsReachesTheModelWholeAndStreamedAndItsRecordHoldsItsDigestNotItsBytes() throws Exception {
        var png = TestImages.png(2048);
        var body = "{\"model\":\"" + HAIKU + "\",\"messages\":[{\"role\":\"user\",\"content\":["
                + "{\"type\":\"text\",\"text\":\"What is in this picture?\"},"
                + TestImages.part(TestImages.dataUrl("image/png", png)) + "]}]";

        var whole = chatCompletion(body + "}", ItTenants.ACME);
        var streamed = chatCompletion(body + ",\"stream\":true}", ItTenants.ACME);

        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(json(whole.body()).getJsonArray("choices").getJsonObject(0).getJsonObject("message")
                .getString("content")).contains("I see 1 image(s) (png, 2048 bytes)");
        assertThat(streamed.statusCode()).isEqualTo(200);
        assertThat(streamedText(streamed.body())).contains("I see 1 image(s) (png, 2048 bytes)");
        assertThat(streamed.body()).endsWith("data: [DONE]\n\n");
        var id = streamed.headers().firstValue("X-Request-Id").orElseThrow();
        var record = recordsOf(List.of(id)).get(id);
        var image = record.getJsonObject("request").getJsonArray("messages").getJsonObject(0)
                .getJsonArray("images").getJsonObject(0);
        assertThat(image.getString("sha256")).isEqualTo(java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(png)));
        assertThat(image.getInt("bytes")).isEqualTo(2048);
        assertThat(image.getString("position")).isEqualTo("messages[0].content[1]");
        assertThat(record.toString()).doesNotContain(TestImages.dataUrl("image/png", png).substring(22, 60));
        assertThat(AuditTrailCheck.schemaErrors(record)).isEmpty();
    }

    /** The content of each {@code chat.completion.chunk} of an OpenAI stream, joined. */
    private static String streamedText(String events) {
        var text = new StringBuilder();
        events.lines().filter(line -> line.startsWith("data: {")).map(line -> json(line.substring(6)))
                .filter(chunk -> chunk.containsKey("choices") && !chunk.getJsonArray("choices").isEmpty())
                .map(chunk -> chunk.getJsonArray("choices").getJsonObject(0).getJsonObject("delta"))
                .filter(delta -> delta.get("content") instanceof jakarta.json.JsonString)
                .forEach(delta -> text.append(delta.getString("content")));
        return text.toString();
    }

    @Test
    void imagesAreRefusedToATenantWithoutThemAndAsUrlsToEveryone() {
        var image = TestImages.part(TestImages.dataUrl("image/png", TestImages.png(64)));
        var beta = chatCompletion("{\"model\":\"" + ItTenants.BETA_MODEL + "\",\"messages\":[{\"role\":\"user\","
                + "\"content\":[{\"type\":\"text\",\"text\":\"Hi\"}," + image + "]}]}", ItTenants.BETA);
        var url = chatCompletion("{\"model\":\"" + HAIKU + "\",\"messages\":[{\"role\":\"user\",\"content\":["
                + TestImages.part("https://169.254.169.254/latest/meta-data/") + "]}]}", ItTenants.ACME);

        assertThat(beta.statusCode()).isEqualTo(400);
        var error = json(beta.body()).getJsonObject("error");
        assertThat(error.getString("param")).isEqualTo("messages[0].content[1]");
        assertThat(error.getString("code")).isEqualTo("invalid_request");
        assertThat(url.statusCode()).isEqualTo(400);
        assertThat(json(url.body()).getJsonObject("error").getString("param"))
                .isEqualTo("messages[0].content[0].image_url.url");
    }

    private HttpResponse<String> chatCompletion(String body, String key) {
        return Http.send(HttpRequest.newBuilder(base.resolve("/v1/chat/completions"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + key)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    @Test
    void theSeedCurlReturnsExactlyTheContractFields() {
        var response = Http.postJson(invoke(), "{\"prompt\":\"Summarize the benefits of infrastructure as code.\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        var body = json(response.body());
        assertThat(body.keySet()).containsExactlyInAnyOrder("request_id", "model_id", "latency_ms", "response",
                "guardrail_status", "stop_reason", "usage");
        assertThat(body.getString("model_id")).isEqualTo(HAIKU);
        assertThat(body.getString("guardrail_status")).isEqualTo("allowed");
        assertThat(body.getString("response")).isNotBlank();
        assertThat(body.getJsonObject("usage").keySet()).containsExactlyInAnyOrder("input_tokens", "output_tokens", "total_tokens");
        assertThat(response.headers().firstValue("X-Request-Id")).contains(body.getString("request_id"));
    }

    @Test
    void theGeneratedClientSendsAConversationWithParameters() throws ApiException {
        var request = new InvokeRequest()
                .addMessagesItem(new ChatMessage().role(ChatMessage.RoleEnum.USER).content("Name a cloud."))
                .addMessagesItem(new ChatMessage().role(ChatMessage.RoleEnum.ASSISTANT).content("AWS."))
                .addMessagesItem(new ChatMessage().role(ChatMessage.RoleEnum.USER).content("Why?"))
                .system("Answer briefly.").maxTokens(5).temperature(0.1).putMetadataItem("team", "it");

        var response = client().invoke(request, "it-conversation-1");

        assertThat(response.getRequestId()).as("the gateway's own id, never the client's").hasSize(36)
                .isNotEqualTo("it-conversation-1");
        assertThat(response.getStopReason()).isEqualTo("max_tokens");
        assertThat(response.getUsage().getOutputTokens()).isLessThanOrEqualTo(5);
    }

    @Test
    void throttledTwiceThenSucceedsAfterRetries() throws ApiException {
        var model = "anthropic.claude-3-sonnet-20240229-v1:0";
        simulator.control().fault("throttle", 2, model);

        var response = client().invoke(new InvokeRequest().model(model).prompt("retry me"), null);

        assertThat(response.getModelId()).isEqualTo(model);
        assertThat(simulator.control().calls(model)).isEqualTo(3);
    }

    @Test
    void throttlingThatOutlastsTheRetriesBecomes429WithRetryAfter() {
        var model = "anthropic.claude-instant-v1";
        simulator.control().fault("throttle", -1, model);

        var body = prompt(model, "always throttled");
        var response = Http.raw(base, ("POST /invoke HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "x-api-key: " + ItTenants.ACME + "\r\nContent-Length: " + body.length() + "\r\n\r\n" + body)
                .getBytes(StandardCharsets.UTF_8));

        assertThat(response.statusLine()).isEqualTo("HTTP/1.1 429 Too Many Requests");
        assertThat(response.header("Content-Type")).contains("application/problem+json");
        assertThat(response.header("Retry-After")).isPresent();
        assertThat(json(response.body()).getString("type")).endsWith("/throttled");
        assertThat(response.body()).doesNotContain("Too many tokens");
        assertThat(simulator.control().calls(model)).isEqualTo(3);
    }

    /** Polls the trail until the record of {@code id} is there (records ship asynchronously). */
    private static JsonObject recordOf(String id) throws Exception {
        var deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            var found = AuditTrailCheck.records().stream().filter(r -> r.getString("record_id").equals(id)).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(300);
        }
        throw new AssertionError("no record " + id);
    }

    private HttpResponse<String> pacedInvoke(String apiKey, String body) {
        return Http.send(HttpRequest.newBuilder(invoke()).header("Content-Type", "application/json")
                .header("x-api-key", apiKey).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    @Test
    void aTenantBeyondItsRequestsPerMinuteGets429RateLimitedWithRateLimitHeadersOnEveryAnswerAndARecord()
            throws Exception {
        var body = prompt(ItTenants.ACME_MODEL, "Hello");
        var first = pacedInvoke(ItTenants.PACED, body);
        var second = pacedInvoke(ItTenants.PACED, body);
        var refused = pacedInvoke(ItTenants.PACED, body);
        var v1 = chatCompletion("{\"model\":\"" + ItTenants.ACME_MODEL
                + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]}", ItTenants.PACED);

        assertThat(List.of(first.statusCode(), second.statusCode(), refused.statusCode(), v1.statusCode()))
                .containsExactly(200, 200, 429, 429);
        assertThat(first.headers().firstValue("RateLimit-Policy")).contains("\"requests-per-minute\";q=2;w=60");
        assertThat(first.headers().firstValue("RateLimit")).hasValueSatisfying(v -> assertThat(v)
                .startsWith("\"requests-per-minute\";r=1;t="));
        assertThat(refused.headers().firstValue("RateLimit")).hasValueSatisfying(v -> assertThat(v)
                .startsWith("\"requests-per-minute\";r=0;t="));
        assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(v ->
                assertThat(Integer.parseInt(v)).isBetween(1, 60));
        assertThat(json(refused.body()).getString("type")).endsWith("/rate-limited");
        assertThat(json(v1.body()).getJsonObject("error").getString("code")).isEqualTo("rate_limit_exceeded");
        assertThat(v1.headers().firstValue("RateLimit-Policy")).isPresent();
        assertThat(v1.headers().firstValue("Retry-After")).isPresent();
        var record = recordOf(refused.headers().firstValue("X-Request-Id").orElseThrow());
        assertThat(record.getJsonObject("quota").getString("refused_by")).isEqualTo("limits.requests_per_minute");
        assertThat(AuditTrailCheck.schemaErrors(record)).isEmpty();
        var answered = recordOf(first.headers().firstValue("X-Request-Id").orElseThrow());
        assertThat(answered.getJsonObject("quota").containsKey("settled")).isTrue();
        assertThat(AuditTrailCheck.schemaErrors(answered)).isEmpty();
    }

    @Test
    void aMeteredTenantsStreamsCarryTheRateLimitHeadersOnInvokeAndV1() {
        var invoke = Http.send(HttpRequest.newBuilder(invoke()).header("Content-Type", "application/json")
                .header("x-api-key", ItTenants.METERED).header("Accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(Json.createObjectBuilder().add("model", ItTenants.ACME_MODEL)
                        .add("prompt", "Hello").add("stream", true).build().toString())));
        var v1 = chatCompletion("{\"model\":\"" + ItTenants.ACME_MODEL
                + "\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]}", ItTenants.METERED);

        for (var response : List.of(invoke, v1)) {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t ->
                    assertThat(t).startsWith("text/event-stream"));
            assertThat(response.headers().firstValue("RateLimit-Policy")).contains(
                    "\"requests-per-minute\";q=1000;w=60, \"tokens-per-minute\";q=1000000;w=60;qu=\"tokens\"");
            assertThat(response.headers().firstValue("RateLimit")).hasValueSatisfying(v ->
                    assertThat(v).matches("\"requests-per-minute\";r=\\d+;t=\\d+, \"tokens-per-minute\";r=\\d+;t=\\d+"));
        }
    }

    @Test
    void aSpentTokenBudgetIs429BudgetExhaustedUntilTheDayEndsAndTheRecordSaysWhatWasSettled() throws Exception {
        var body = Json.createObjectBuilder().add("model", ItTenants.ACME_MODEL).add("prompt", "Hello")
                .add("max_tokens", 60).build().toString();
        var first = pacedInvoke(ItTenants.BUDGETED, body);
        assertThat(first.statusCode()).isEqualTo(200);
        var usage = json(first.body()).getJsonObject("usage");
        var used = usage.getInt("input_tokens") + usage.getInt("output_tokens");
        HttpResponse<String> refused = null;
        for (int i = 0; i < 10 && refused == null; i++) {
            var next = pacedInvoke(ItTenants.BUDGETED, body);
            refused = next.statusCode() == 429 ? next : null;
        }

        assertThat(refused).as("the budget of 100 tokens a day runs out").isNotNull();
        assertThat(json(refused.body()).getString("type")).endsWith("/budget-exhausted");
        assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(v ->
                assertThat(Long.parseLong(v)).isBetween(1L, 86_400L));
        assertThat(refused.headers().firstValue("RateLimit-Policy")).contains("\"tokens-per-day\";q=100;w=86400;qu=\"tokens\"");
        var record = recordOf(refused.headers().firstValue("X-Request-Id").orElseThrow());
        assertThat(record.getJsonObject("quota").getString("refused_by")).isEqualTo("budgets.tokens_per_day");
        var settled = recordOf(first.headers().firstValue("X-Request-Id").orElseThrow()).getJsonObject("quota")
                .getJsonObject("settled");
        assertThat(settled.getJsonNumber("tokens").longValue()).isEqualTo(used);
    }

    @Test
    void aHangingModelIsCutOffWithA504WithinTheTimeoutPlusOneSecond() {
        var model = "meta.llama3-8b-instruct-v1:0";
        simulator.control().fault("hang", -1, model);

        var started = System.nanoTime();
        var response = Http.postJson(invoke(), prompt(model, "hang"));
        var elapsed = Duration.ofNanos(System.nanoTime() - started);

        assertThat(response.statusCode()).isEqualTo(504);
        assertThat(json(response.body()).getString("type")).endsWith("/model-timeout");
        assertThat(elapsed).isLessThan(GATEWAY_TIMEOUT.plusSeconds(1));
    }

    @Test
    void maxTokensAboveTheModelsLimitIsTheClientsOwn400() {
        var response = Http.postJson(invoke(), "{\"prompt\":\"long answer\",\"max_tokens\":8000}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response.body()).getString("type")).endsWith("/model-rejected-input");
        assertThat(response.body()).doesNotContain("4096");
    }

    @Test
    void anUpstreamValidationErrorTheClientDidNotCauseIsA502() {
        var model = "mistral.mistral-7b-instruct-v0:2";
        simulator.control().fault("validation", 1, model);

        var response = Http.postJson(invoke(), prompt(model, "fine input"));

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(json(response.body()).getString("type")).endsWith("/upstream-error");
        assertThat(simulator.control().calls(model)).isEqualTo(1);
    }

    @Test
    void accessDeniedUpstreamIsAGeneric502NotRetried() {
        var model = "cohere.command-r-v1:0";
        simulator.control().fault("access-denied", 1, model);

        var response = Http.postJson(invoke(), prompt(model, "who am I"));

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(json(response.body()).getString("type")).endsWith("/upstream-misconfigured");
        assertThat(simulator.control().calls(model)).isEqualTo(1);
    }

    @Test
    void repeatedFailuresOpenTheModelsCircuitAndLaterCallsFailFast() {
        var model = "amazon.titan-text-express-v1";
        simulator.control().fault("internal", -1, model);
        for (int i = 0; i < 3; i++) {
            Http.postJson(invoke(), prompt(model, "failing " + i));
        }
        var callsBefore = simulator.control().calls(model);

        var started = System.nanoTime();
        var response = Http.postJson(invoke(), prompt(model, "after the breaker opened"));
        var elapsed = Duration.ofNanos(System.nanoTime() - started);

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(json(response.body()).getString("type")).endsWith("/circuit-open");
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        assertThat(simulator.control().calls(model)).isEqualTo(callsBefore);
        assertThat(elapsed).isLessThan(Duration.ofMillis(500));
        assertThat(Http.postJson(invoke(), "{\"prompt\":\"other models still work\"}").statusCode()).isEqualTo(200);
    }

    @Test
    void beyondTheInFlightCapRequestsAre503OverloadedAtOnce() throws Exception {
        var model = "anthropic.claude-v2:1";
        simulator.control().fault("latency", -1, model, 1500);
        var pool = Executors.newFixedThreadPool(8);
        try {
            var calls = new ArrayList<Future<HttpResponse<String>>>();
            for (int i = 0; i < 8; i++) {
                var text = "slow " + i;
                calls.add(pool.submit((Callable<HttpResponse<String>>) () -> Http.postJson(invoke(), prompt(model, text))));
            }
            var statuses = new ArrayList<Integer>();
            var types = new ArrayList<String>();
            for (var call : calls) {
                var response = call.get();
                statuses.add(response.statusCode());
                if (response.statusCode() != 200) {
                    types.add(json(response.body()).getString("type"));
                }
            }
            assertThat(statuses).contains(200).contains(503);
            assertThat(types).allSatisfy(type -> assertThat(type).endsWith("/overloaded"));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theGatewayNamesEveryRequestItselfAndEchoesASaneClientIdBesideIt() {
        var first = Http.send(HttpRequest.newBuilder(invoke()).header("Content-Type", "application/json").header("x-api-key", ItTenants.ACME)
                .header("X-Request-Id", "client-id-42").POST(HttpRequest.BodyPublishers.ofString("{\"prompt\":\"hi\"}")));
        var again = Http.send(HttpRequest.newBuilder(invoke()).header("Content-Type", "application/json").header("x-api-key", ItTenants.ACME)
                .header("X-Request-Id", "client-id-42").POST(HttpRequest.BodyPublishers.ofString("{\"prompt\":\"hi\"}")));
        var unsafe = Http.send(HttpRequest.newBuilder(invoke()).header("Content-Type", "application/json").header("x-api-key", ItTenants.ACME)
                .header("X-Request-Id", "bad id <script>").POST(HttpRequest.BodyPublishers.ofString("{\"prompt\":\"hi\"}")));

        var id = first.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(id).hasSize(36).isEqualTo(json(first.body()).getString("request_id"));
        assertThat(first.headers().firstValue("X-Client-Request-Id")).contains("client-id-42");
        assertThat(again.headers().firstValue("X-Request-Id")).hasValueSatisfying(other -> assertThat(other).isNotEqualTo(id));
        assertThat(unsafe.headers().firstValue("X-Request-Id")).hasValueSatisfying(other -> assertThat(other).hasSize(36));
        assertThat(unsafe.headers().firstValue("X-Client-Request-Id")).isEmpty();
    }

    @Test
    void noPlantedValueFromAHeaderOrFieldReachesTheJournalTheStoreOrTheLog() throws Exception {
        var marker = "planted" + System.nanoTime();
        var email = marker + "@example.com";
        var card = "4111111111111111";
        var refused = Http.send(HttpRequest.newBuilder(invoke()).header("Content-Type", "application/json")
                .header("User-Agent", "Agent/" + marker).header("X-Request-Id", marker + "-401")
                .POST(HttpRequest.BodyPublishers.ofString(prompt(HAIKU, email))));
        var oversized = Http.send(HttpRequest.newBuilder(invoke()).header("Content-Type", "application/json")
                .header("User-Agent", "Agent/" + marker + "x".repeat(300)).header("X-Request-Id", marker + "-401b")
                .POST(HttpRequest.BodyPublishers.ofString(prompt(HAIKU, email))));
        var served = Http.send(HttpRequest.newBuilder(invoke()).header("Content-Type", "application/json")
                .header("x-api-key", ItTenants.ACME).header("User-Agent", "Agent/1.0 " + email).header("X-Request-Id", card)
                .POST(HttpRequest.BodyPublishers.ofString("{\"prompt\":\"hello\",\"model\":\"" + HAIKU + "\",\"stop\":[\""
                        + email + "\"],\"metadata\":{\"" + card + "\":\"" + email + "\"}}")));
        var unknown = Http.send(HttpRequest.newBuilder(invoke()).header("Content-Type", "application/json")
                .header("x-api-key", ItTenants.ACME).header("User-Agent", "Agent/1.0 " + email)
                .POST(HttpRequest.BodyPublishers.ofString("{\"prompt\":\"hello\",\"" + marker + "\":1}")));
        var blocked = Http.send(HttpRequest.newBuilder(invoke()).header("Content-Type", "application/json")
                .header("x-api-key", ItTenants.BETA)
                .POST(HttpRequest.BodyPublishers.ofString(prompt(ItTenants.BETA_MODEL, "Card " + card + ", mail " + email))));
        assertThat(List.of(refused.statusCode(), oversized.statusCode(), served.statusCode(), unknown.statusCode(),
                blocked.statusCode())).containsExactly(401, 401, 200, 400, 422);
        var ids = List.of(refused, oversized, served, unknown, blocked).stream()
                .map(r -> r.headers().firstValue("X-Request-Id").orElseThrow()).toList();

        var records = recordsOf(ids);

        assertThat(records.get(ids.get(0)).getJsonObject("client").keySet()).containsExactly("address");
        assertThat(records.get(ids.get(1)).getJsonObject("client").getString("user_agent")).matches("sha256:[0-9a-f]{64}");
        assertThat(records.get(ids.get(0)).getJsonObject("guardrails").getJsonObject("input").getString("status"))
                .isEqualTo("not_screened");
        var client = records.get(ids.get(2)).getJsonObject("client");
        assertThat(client.getString("request_id")).isEqualTo("[CREDIT_DEBIT_CARD_NUMBER_1]");
        assertThat(client.getString("user_agent")).isEqualTo("Agent/1.0 [EMAIL_1]");
        assertThat(records.get(ids.get(2)).getJsonObject("inference").getJsonArray("stop").getString(0)).isEqualTo("[EMAIL_1]");
        var refusal = records.get(ids.get(4));
        var input = refusal.getJsonObject("guardrails").getJsonObject("input");
        assertThat(input.getString("status")).isEqualTo("blocked");
        assertThat(input.getJsonArray("findings").getJsonObject(0)).isEqualTo(Json.createObjectBuilder()
                .add("action", "BLOCK").add("count", 1).add("type", "CREDIT_DEBIT_CARD_NUMBER").build());
        assertThat(refusal.getJsonObject("request").getJsonArray("messages").getJsonObject(0).getString("content"))
                .isEqualTo("Card [CREDIT_DEBIT_CARD_NUMBER_1], mail [EMAIL_1]");
        assertThat(records.values()).allSatisfy(r -> assertThat(AuditTrailCheck.schemaErrors(r)).isEmpty());
        GatewayLog.linesContaining(ids.get(4), Duration.ofSeconds(5));
        assertThat(records.values().toString()).doesNotContain(marker).doesNotContain(card);
        assertThat(AuditTrailCheck.journalText()).doesNotContain(marker).doesNotContain(card);
        assertThat(GatewayLog.all()).doesNotContain(marker).doesNotContain(card);
    }

    /**
     * The IT config trusts 127.0.0.2 only (GATEWAY_TRUSTED_PROXIES): from there the forwarding headers name the
     * caller in the record; the same headers from 127.0.0.1, where every other test comes from, are ignored and the
     * record says so. The peer's own address stays in {@code client.address} either way.
     */
    @Test
    void theCallerBehindATrustedProxyIsRecordedAndTheSameHeadersFromAnyoneElseAreIgnored() throws Exception {
        var headers = java.util.Map.of("x-api-key", ItTenants.ACME, "X-AuditGate-Client-Ip", "203.0.113.9",
                "X-AuditGate-Apigw-Request-Id", "Ab1CdEfGhIjKl=");
        var prompt = "{\"prompt\":\"Hello from behind the proxy\"}";

        var proxied = Http.postFrom("127.0.0.2", base, prompt, headers);
        var direct = Http.postFrom("127.0.0.1", base, prompt, headers);

        assertThat(proxied.statusLine()).contains(" 200");
        assertThat(direct.statusLine()).contains(" 200");
        var proxiedId = proxied.headers().get("x-request-id");
        var directId = direct.headers().get("x-request-id");
        var records = recordsOf(List.of(proxiedId, directId));
        var behindProxy = records.get(proxiedId).getJsonObject("client");
        assertThat(behindProxy.getString("address")).isEqualTo("127.0.0.2");
        assertThat(behindProxy.getString("forwarded")).isEqualTo("trusted");
        assertThat(behindProxy.getString("source_ip")).isEqualTo("203.0.113.9");
        assertThat(behindProxy.getString("apigw_request_id")).isEqualTo("Ab1CdEfGhIjKl=");
        var untrusted = records.get(directId).getJsonObject("client");
        assertThat(untrusted.getString("address")).isEqualTo("127.0.0.1");
        assertThat(untrusted.getString("forwarded")).isEqualTo("ignored");
        assertThat(untrusted).doesNotContainKeys("source_ip", "apigw_request_id");
        assertThat(AuditTrailCheck.schemaErrors(records.get(proxiedId))).isEmpty();
    }

    /** The stored records with these ids, once all of them are in the store. */
    static java.util.Map<String, JsonObject> recordsOf(List<String> ids) throws Exception {
        var deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        var byId = new java.util.HashMap<String, JsonObject>();
        while (!byId.keySet().containsAll(ids) && System.nanoTime() < deadline) {
            Thread.sleep(500);
            AuditTrailCheck.records().forEach(r -> byId.put(r.getString("record_id"), r));
        }
        assertThat(byId).containsKeys(ids.toArray(String[]::new));
        return byId;
    }

    @Test
    void theRequestLogHasOneLinePerRequestAndNeverThePromptOrAnswer() throws Exception {
        var secret = "the-prompt-text-" + System.nanoTime();
        var response = Http.send(HttpRequest.newBuilder(invoke()).header("Content-Type", "application/json").header("x-api-key", ItTenants.ACME)
                .header("X-Request-Id", "log-check-1").POST(HttpRequest.BodyPublishers.ofString(prompt(HAIKU, secret))));
        var answer = json(response.body()).getString("response");

        var lines = GatewayLog.linesContaining("log-check-1", Duration.ofSeconds(5));

        assertThat(lines).hasSize(1);
        var line = json(lines.get(0));
        assertThat(line.getString("outcome")).isEqualTo("ok");
        assertThat(line.getString("model")).isEqualTo(HAIKU);
        assertThat(line.getInt("attempts")).isEqualTo(1);
        assertThat(GatewayLog.all()).doesNotContain(secret).doesNotContain(answer);
    }

    @Test
    void everyAnsweredRequestHasASchemaValidRecordInAVerifiableTrail() throws Exception {
        var ids = new ArrayList<String>();
        for (int i = 0; i < 5; i++) {
            var response = Http.send(HttpRequest.newBuilder(invoke()).header("Content-Type", "application/json")
                    .header("x-api-key", ItTenants.ACME).header("X-Request-Id", "audit-check-" + i)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"prompt\":\"Email jane.doe@example.com\"}")));
            assertThat(response.statusCode()).isEqualTo(200);
            ids.add(response.headers().firstValue("X-Request-Id").orElseThrow());
        }
        var refused = Http.postJson(invoke(), "{\"prompt\":\"x\",\"max_tokens\":0}");
        var refusedId = refused.headers().firstValue("X-Request-Id").orElseThrow();
        var container = Http.get(base.resolve("/WEB-INF/web.xml")); // answered by the container's error page
        assertThat(container.statusCode()).isEqualTo(404);
        var containerId = container.headers().firstValue("X-Request-Id").orElseThrow();

        var deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        List<JsonObject> records;
        do {
            Thread.sleep(500);
            records = AuditTrailCheck.records();
        } while (!records.stream().map(r -> r.getString("record_id")).toList()
                .containsAll(Stream.concat(ids.stream(), Stream.of(refusedId, containerId)).toList())
                && System.nanoTime() < deadline);

        var byId = new java.util.HashMap<String, JsonObject>();
        records.forEach(r -> byId.put(r.getString("record_id"), r));
        assertThat(byId).containsKeys(ids.toArray(String[]::new)).containsKey(refusedId).containsKey(containerId);
        assertThat(byId.get(containerId).getJsonObject("outcome").getInt("http_status")).isEqualTo(404);
        ids.forEach(id -> assertThat(byId.get(id).getJsonObject("outcome").getInt("http_status")).isEqualTo(200));
        assertThat(byId.get(refusedId).getJsonObject("outcome").getInt("http_status")).isEqualTo(400);
        assertThat(records).allSatisfy(r -> assertThat(AuditTrailCheck.schemaErrors(r)).as(r.getString("record_id")).isEmpty());
        assertThat(records.toString()).doesNotContain("jane.doe@example.com");
        var verification = AuditTrailCheck.verify();
        assertThat(verification.status()).as(verification.output()).isZero();
    }

    @Test
    void healthAndMetricsAreServed() {
        var live = Http.get(base.resolve("/health/live"));
        assertThat(live.statusCode()).as(live.body()).isEqualTo(200);
        // ready once the Bedrock client's warm-up has finished: this test may run first, right after deployment
        Await.until("/health/ready", Duration.ofSeconds(60), Duration.ofMillis(200),
                () -> Http.get(base.resolve("/health/ready")).statusCode() == 200);
        assertThat(Http.get(base.resolve("/health/ready")).body()).contains("{\"name\":\"bedrock-client\",\"status\":\"UP\"")
                .contains("\"warm-up\":\"done\"");
        Http.postJson(invoke(), "{\"prompt\":\"count me\"}");
        assertThat(Http.get(base.resolve("/metrics")).body()).contains("auditgate_requests_total")
                .contains("auditgate_audit_backlog_records").contains("auditgate_audit_digest_age_seconds");
    }

    @Test
    void theServedOpenApiDocumentIsTheFileByteForByteAndValidOpenApi() throws Exception {
        var served = Http.raw(base, "GET /openapi HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));

        assertThat(served.status()).isEqualTo(200);
        assertThat(served.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/yaml"));
        OpenApiContract.assertIsTheContract(served.body());
    }

    /** The reason phrases of RFC 9110 (and RFC 6585 for 429) that every status line must carry. */
    private static final java.util.Map<Integer, String> REASONS = java.util.Map.of(400, "Bad Request", 401, "Unauthorized",
            403, "Forbidden", 404, "Not Found", 405, "Method Not Allowed", 408, "Request Timeout",
            422, "Unprocessable Content", 429, "Too Many Requests");

    static List<BadRequests.RawCase> rawBadRequests() {
        return BadRequests.rawCases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rawBadRequests")
    void hostileRawRequestsGetAProblemWithARequestIdAndTheStandardReasonPhrase(BadRequests.RawCase bad) {
        var response = Http.raw(base, bad.bytes());

        assertThat(response.status()).as(response.body()).isEqualTo(bad.status());
        assertThat(response.reason()).isEqualTo(REASONS.get(bad.status()));
        assertThat(response.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        var problem = json(response.body());
        assertThat(problem.getString("type")).isEqualTo("https://auditgate.io/problems/" + bad.type());
        assertThat(problem.getString("request_id")).isEqualTo(response.header("X-Request-Id").orElseThrow());
        assertThat(response.body()).hasSizeLessThan(8 * 1024).doesNotContain("<html").doesNotContain("Exception");
        if (bad.staysOpen()) {
            assertThat(response.open()).as("connection kept open").isTrue();
        }
    }

    static List<BadRequests.RefusedByTheContainer> refusedByTheContainer() {
        return BadRequests.refusedByTheContainer();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedByTheContainer")
    void whatTheContainerRefusesBeforeTheGatewayIsAnEmpty400NeverHtmlNorA5xx(BadRequests.RefusedByTheContainer bad) {
        var response = Http.raw(base, bad.bytes());

        assertThat(response.statusLine()).startsWith("HTTP/1.1 400 ");
        assertThat(response.body()).isEmpty();
        assertThat(response.header("Content-Type")).isEmpty();
        assertThat(response.open()).isFalse();
    }

    @Test
    void aBodyTrickledPastTheReadTimeoutIsA408ThatClosesTheConnection() throws Exception {
        try (var socket = new java.net.Socket("127.0.0.1", base.getPort())) {
            var out = socket.getOutputStream();
            out.write(("POST /invoke HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nx-api-key: "
                    + ItTenants.ACME + "\r\nContent-Length: 1000\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
            // a byte every 200 ms: never idle long enough for a read timeout, only the body deadline (PT2S in the ITs) ends it
            for (int i = 0; i < 100 && socket.getInputStream().available() == 0; i++) {
                out.write(' ');
                out.flush();
                Thread.sleep(200);
            }
            var response = Http.readResponse(socket);

            assertThat(response.statusLine()).isEqualTo("HTTP/1.1 408 Request Timeout");
            assertThat(json(response.body()).getString("type")).endsWith("/request-timeout");
            assertThat(response.header("Connection")).contains("close");
        }
    }

    static List<BadRequests.OpenAiCase> openAiBadRequests() {
        return BadRequests.openAiCases();
    }

    /** Under /v1 every refusal is OpenAI's error object, whether the endpoint or the container's error page sent it. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("openAiBadRequests")
    void badRequestsUnderV1GetOpenAisErrorObjectAndARecordNamingTheSurface(BadRequests.OpenAiCase bad) throws Exception {
        var response = Http.send(bad.request(base));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(bad.status());
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        var error = json(response.body()).getJsonObject("error");
        assertThat(error.keySet()).containsExactly("message", "type", "param", "code");
        assertThat(error.getString("code")).isEqualTo(bad.code());
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("<html");
        var id = response.headers().firstValue("X-Request-Id").orElseThrow();
        var record = recordsOf(List.of(id)).get(id);
        assertThat(record.getJsonObject("api").getString("surface")).isEqualTo("openai");
        assertThat(record.getJsonObject("outcome").getInt("http_status")).isEqualTo(bad.status());
        assertThat(AuditTrailCheck.schemaErrors(record)).isEmpty();
    }

    /**
     * The container normalises {@code /v1/../WEB-INF/web.xml} to a protected path and answers it through its error
     * page, which takes the shape from the path as the client sent it: OpenAI's, with a record naming that surface.
     */
    @Test
    void whatTheErrorPageAnswersForAPathSentUnderV1IsOpenAisErrorObjectWithItsRecord() throws Exception {
        var response = Http.raw(base, "GET /v1/../WEB-INF/web.xml HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(response.header("x-should-retry")).contains("false");
        assertThat(json(response.body()).getJsonObject("error").getString("code")).isEqualTo("not_found");
        var id = response.header("X-Request-Id").orElseThrow();
        var record = recordsOf(List.of(id)).get(id);
        assertThat(record.getJsonObject("api").getString("surface")).isEqualTo("openai");
        assertThat(AuditTrailCheck.schemaErrors(record)).isEmpty();
    }

    /** The model listing calls no model, but like every request it has its record and its one log line. */
    @Test
    void theModelListingHasAVerifiableRecordAndOneLogLinePerRequest() throws Exception {
        var paths = List.of("/v1/models", "/v1/models/" + HAIKU, "/v1/models/" + ItTenants.BETA_MODEL);
        var ids = new ArrayList<String>();
        for (var path : paths) {
            var response = Http.send(HttpRequest.newBuilder(base.resolve(path))
                    .header("Authorization", "Bearer " + ItTenants.ACME).GET());
            assertThat(response.statusCode()).isEqualTo(path.endsWith(ItTenants.BETA_MODEL) ? 404 : 200);
            ids.add(response.headers().firstValue("X-Request-Id").orElseThrow());
        }

        var records = recordsOf(ids);

        var list = records.get(ids.get(0));
        assertThat(list.getJsonObject("api").getString("operation")).isEqualTo("models.list");
        assertThat(list.getJsonObject("outcome").getInt("http_status")).isEqualTo(200);
        assertThat(list.getString("tenant")).isEqualTo("acme");
        var one = records.get(ids.get(1));
        assertThat(one.getJsonObject("api").getString("operation")).isEqualTo("models.retrieve");
        assertThat(one.getJsonObject("model").getString("requested")).isEqualTo(HAIKU);
        assertThat(records.get(ids.get(2)).getJsonObject("outcome").getInt("http_status")).isEqualTo(404);
        assertThat(ids.stream().map(records::get).toList()).allSatisfy(r -> {
            assertThat(r.getJsonObject("api").getString("surface")).isEqualTo("openai");
            assertThat(r.getJsonObject("outcome").getInt("attempts")).isZero();
            assertThat(AuditTrailCheck.schemaErrors(r)).as(r.getString("record_id")).isEmpty();
        });
        for (var id : ids) {
            assertThat(GatewayLog.linesContaining(id, Duration.ofSeconds(5))).as(id).hasSize(1);
        }
        var verification = AuditTrailCheck.verify();
        assertThat(verification.status()).as(verification.output()).isZero();
    }

    static List<BadRequests.Case> badRequests() {
        return BadRequests.cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void badInputIsADocumentedProblemNeverA5xx(BadRequests.Case bad) {
        var response = Http.send(bad.request(base));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(bad.status());
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        var problem = json(response.body());
        assertThat(problem.getString("type")).isEqualTo("https://auditgate.io/problems/" + bad.type());
        assertThat(problem.getInt("status")).isEqualTo(bad.status());
        assertThat(problem.getString("title")).isNotBlank();
        assertThat(problem.getString("detail")).isNotBlank();
        assertThat(problem.getString("request_id")).isEqualTo(response.headers().firstValue("X-Request-Id").orElseThrow());
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }
}
