package io.auditgate.openai;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditgate.conversation.Completion;
import io.auditgate.conversation.ToolCall;
import io.auditgate.conversation.ToolConversations;
import io.auditgate.guardrail.GuardrailProfile;
import io.auditgate.guardrail.Guardrails;
import io.auditgate.guardrail.ScreenedAnswer;
import io.auditgate.request.Exchange;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CompletionsTest {

    private static final String MODEL = "anthropic.claude-3-haiku-20240307-v1:0";
    private final Exchange exchange = Exchange.arrived("openai", "POST", "/v1/chat/completions",
            Exchange.Client.of("127.0.0.1", null, null));
    private final Completion completion = new Completion(MODEL, "raw text", "end_turn",
            new Completion.Usage(12, 5, 17), Optional.empty());

    @ParameterizedTest
    @CsvSource({"end_turn,stop", "stop_sequence,stop", "max_tokens,length", "tool_use,tool_calls",
            "guardrail_intervened,content_filter", "content_filtered,content_filter", "some_new_reason,stop"})
    void bedrockStopReasonsBecomeOpenAiFinishReasons(String stopReason, String finishReason) {
        assertThat(Completions.finishReason(stopReason)).isEqualTo(finishReason);
    }

    private static ScreenedAnswer screened(Completion completion) {
        var guardrails = new Guardrails();
        var prompt = guardrails.screen(GuardrailProfile.STANDARD, ToolConversations.roundTrip("{}", "sunny",
                ToolConversations.offered(ToolConversations.weather("Weather"))));
        return guardrails.screen(prompt, completion);
    }

    @Test
    void aCompletionCarriesTheScreenedTextTheAnsweringModelAndTheUsage() {
        var json = Completions.completion(exchange, screened(new Completion(MODEL, "Mail jane.doe@example.com",
                "end_turn", new Completion.Usage(12, 5, 17), Optional.empty())));

        assertThat(json.getString("id")).isEqualTo("chatcmpl-" + exchange.requestId());
        assertThat(json.getString("object")).isEqualTo("chat.completion");
        assertThat(json.getJsonNumber("created").longValue()).isEqualTo(exchange.receivedAt().getEpochSecond());
        assertThat(json.getString("model")).isEqualTo(MODEL);
        var choice = json.getJsonArray("choices").getJsonObject(0);
        assertThat(choice.getInt("index")).isZero();
        assertThat(choice.getJsonObject("message").getString("role")).isEqualTo("assistant");
        assertThat(choice.getJsonObject("message").getString("content")).isEqualTo("Mail [EMAIL_1]");
        assertThat(choice.getJsonObject("message").containsKey("tool_calls")).isFalse();
        assertThat(choice.getString("finish_reason")).isEqualTo("stop");
        var usage = json.getJsonObject("usage");
        assertThat(usage.getInt("prompt_tokens")).isEqualTo(12);
        assertThat(usage.getInt("completion_tokens")).isEqualTo(5);
        assertThat(usage.getInt("total_tokens")).isEqualTo(17);
    }

    @Test
    void anAnswerOfToolCallsOnlyHasNullContentTheCallsWithScreenedArgumentsAndFinishReasonToolCalls() {
        var call = new ToolCall("tooluse_1", "send_mail", ToolConversations.json("{\"to\":\"jane.doe@example.com\"}"));
        var json = Completions.completion(exchange, screened(new Completion(MODEL, "", "tool_use",
                new Completion.Usage(12, 5, 17), Optional.empty(), List.of(call))));

        var choice = json.getJsonArray("choices").getJsonObject(0);
        var message = choice.getJsonObject("message");
        assertThat(message.isNull("content")).isTrue();
        var sent = message.getJsonArray("tool_calls").getJsonObject(0);
        assertThat(sent.getString("id")).isEqualTo("tooluse_1");
        assertThat(sent.getString("type")).isEqualTo("function");
        assertThat(sent.getJsonObject("function").getString("name")).isEqualTo("send_mail");
        assertThat(ToolConversations.json(sent.getJsonObject("function").getString("arguments")))
                .isEqualTo(ToolConversations.json("{\"to\":\"[EMAIL_1]\"}"));
        assertThat(choice.getString("finish_reason")).isEqualTo("tool_calls");
    }

    @Test
    void aStreamedToolCallIsItsIdAndNameThenItsArgumentsWhole() {
        var call = new ToolCall("tooluse_1", "get_weather", ToolConversations.json("{\"city\":\"Paris\"}"));

        var deltas = Completions.toolCallDeltas(2, call).stream().map(d -> d.build().getJsonArray("tool_calls")
                .getJsonObject(0)).toList();

        assertThat(deltas.get(0).getInt("index")).isEqualTo(2);
        assertThat(deltas.get(0).getString("id")).isEqualTo("tooluse_1");
        assertThat(deltas.get(0).getString("type")).isEqualTo("function");
        assertThat(deltas.get(0).getJsonObject("function").getString("name")).isEqualTo("get_weather");
        assertThat(deltas.get(0).getJsonObject("function").getString("arguments")).isEmpty();
        assertThat(deltas.get(1).getInt("index")).isEqualTo(2);
        assertThat(deltas.get(1).containsKey("id")).isFalse();
        assertThat(deltas.get(1).getJsonObject("function").getString("arguments")).isEqualTo("{\"city\":\"Paris\"}");
    }

    @Test
    void aChunkHasOneChoiceWithItsDeltaAndANullFinishReasonUntilTheEnd() {
        var json = Completions.chunk(exchange, MODEL, Completions.delta().add("content", "Hel"), null);

        assertThat(json.getString("object")).isEqualTo("chat.completion.chunk");
        assertThat(json.getString("id")).isEqualTo("chatcmpl-" + exchange.requestId());
        var choice = json.getJsonArray("choices").getJsonObject(0);
        assertThat(choice.getJsonObject("delta").getString("content")).isEqualTo("Hel");
        assertThat(choice.isNull("finish_reason")).isTrue();
        assertThat(json.containsKey("usage")).isFalse();
    }

    @Test
    void theLastChunkHasAnEmptyDeltaAndTheFinishReason() {
        var json = Completions.chunk(exchange, MODEL, Completions.delta(), "length");

        var choice = json.getJsonArray("choices").getJsonObject(0);
        assertThat(choice.getJsonObject("delta")).isEmpty();
        assertThat(choice.getString("finish_reason")).isEqualTo("length");
    }

    @Test
    void theUsageChunkHasNoChoices() {
        var json = Completions.usageChunk(exchange, MODEL, completion.usage());

        assertThat(json.getJsonArray("choices")).isEmpty();
        assertThat(json.getJsonObject("usage").getInt("total_tokens")).isEqualTo(17);
    }
}
