package io.auditgate.openai;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditgate.conversation.Completion;
import io.auditgate.request.Exchange;
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

    @Test
    void aCompletionCarriesTheScreenedTextTheAnsweringModelAndTheUsage() {
        var json = Completions.completion(exchange, "Mail [EMAIL_1]", completion);

        assertThat(json.getString("id")).isEqualTo("chatcmpl-" + exchange.requestId());
        assertThat(json.getString("object")).isEqualTo("chat.completion");
        assertThat(json.getJsonNumber("created").longValue()).isEqualTo(exchange.receivedAt().getEpochSecond());
        assertThat(json.getString("model")).isEqualTo(MODEL);
        var choice = json.getJsonArray("choices").getJsonObject(0);
        assertThat(choice.getInt("index")).isZero();
        assertThat(choice.getJsonObject("message").getString("role")).isEqualTo("assistant");
        assertThat(choice.getJsonObject("message").getString("content")).isEqualTo("Mail [EMAIL_1]");
        assertThat(choice.getString("finish_reason")).isEqualTo("stop");
        var usage = json.getJsonObject("usage");
        assertThat(usage.getInt("prompt_tokens")).isEqualTo(12);
        assertThat(usage.getInt("completion_tokens")).isEqualTo(5);
        assertThat(usage.getInt("total_tokens")).isEqualTo(17);
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
