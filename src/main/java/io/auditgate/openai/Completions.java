package io.auditgate.openai;

import io.auditgate.conversation.Completion;
import io.auditgate.conversation.ToolCall;
import io.auditgate.guardrail.GuardrailStatus;
import io.auditgate.guardrail.ScreenedAnswer;
import io.auditgate.request.Exchange;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.util.List;

/**
 * The answer in OpenAI's shapes, by explicit mapping: a {@code chat.completion}, or the {@code chat.completion.chunk}s
 * of a stream. The id is {@code chatcmpl-} and the request id (the audit record's {@code record_id}), {@code created}
 * the arrival second, {@code model} the model that answered, and the text is the screened one.
 */
final class Completions {

    static final String ID_PREFIX = "chatcmpl-";
    private static final JsonProvider JSON = JsonProvider.provider();

    private Completions() {
    }

    /**
     * Bedrock's stop reason as OpenAI's {@code finish_reason}; a reason this table does not know (a newer Bedrock
     * one) is {@code stop}: the answer ended, and the record keeps the raw reason.
     */
    static String finishReason(String stopReason) {
        return switch (stopReason) {
            case "max_tokens" -> "length";
            case "tool_use" -> "tool_calls";
            case Completion.GUARDRAIL_INTERVENED, "content_filtered" -> "content_filter";
            default -> "stop";
        };
    }

    /**
     * The whole answer, not streamed: the text and tool calls the guardrails released. {@code content} is null when the
     * answer is tool calls only, as OpenAI sends it; a withheld answer's {@code finish_reason} is {@code content_filter}.
     */
    static JsonObject completion(Exchange exchange, ScreenedAnswer answer) {
        var completion = answer.completion();
        var message = JSON.createObjectBuilder().add("role", "assistant");
        if (answer.text().isEmpty() && !answer.toolCalls().isEmpty()) {
            message.add("content", JsonValue.NULL);
        } else {
            message.add("content", answer.text());
        }
        message.add("refusal", JsonValue.NULL);
        if (!answer.toolCalls().isEmpty()) {
            var calls = JSON.createArrayBuilder();
            answer.toolCalls().forEach(call -> calls.add(toolCall(call)));
            message.add("tool_calls", calls);
        }
        var withheld = answer.status() == GuardrailStatus.BLOCKED;
        var choice = JSON.createObjectBuilder().add("index", 0).add("message", message)
                .add("logprobs", JsonValue.NULL)
                .add("finish_reason", withheld ? "content_filter" : finishReason(completion.stopReason()));
        return head(exchange, "chat.completion", completion.model())
                .add("choices", JSON.createArrayBuilder().add(choice))
                .add("usage", usage(completion.usage()))
                .build();
    }

    /** A chunk of a streamed answer: one choice with {@code delta}, and its {@code finish_reason} once known. */
    static JsonObject chunk(Exchange exchange, String model, JsonObjectBuilder delta, String finishReason) {
        var choice = JSON.createObjectBuilder().add("index", 0).add("delta", delta).add("logprobs", JsonValue.NULL);
        if (finishReason == null) {
            choice.add("finish_reason", JsonValue.NULL);
        } else {
            choice.add("finish_reason", finishReason);
        }
        return head(exchange, "chat.completion.chunk", model).add("choices", JSON.createArrayBuilder().add(choice)).build();
    }

    /** The usage chunk of {@code stream_options.include_usage}: no choices, the request's token counts. */
    static JsonObject usageChunk(Exchange exchange, String model, Completion.Usage usage) {
        return head(exchange, "chat.completion.chunk", model).add("choices", JSON.createArrayBuilder())
                .add("usage", usage(usage)).build();
    }

    /** A tool call as OpenAI writes one: its arguments the screened input object as a JSON string. */
    static JsonObjectBuilder toolCall(ToolCall call) {
        return JSON.createObjectBuilder().add("id", call.id()).add("type", "function")
                .add("function", JSON.createObjectBuilder().add("name", call.name())
                        .add("arguments", call.input().toString()));
    }

    /**
     * The deltas of one streamed tool call: first its index, id, type and name with empty arguments, then the
     * arguments whole (the gateway screens them complete, so it has them in one piece), as OpenAI clients accumulate.
     */
    static List<JsonObjectBuilder> toolCallDeltas(int index, ToolCall call) {
        var head = JSON.createObjectBuilder().add("index", index).add("id", call.id()).add("type", "function")
                .add("function", JSON.createObjectBuilder().add("name", call.name()).add("arguments", ""));
        var arguments = JSON.createObjectBuilder().add("index", index)
                .add("function", JSON.createObjectBuilder().add("arguments", call.input().toString()));
        return List.of(delta().add("tool_calls", JSON.createArrayBuilder().add(head)),
                delta().add("tool_calls", JSON.createArrayBuilder().add(arguments)));
    }

    static JsonObjectBuilder delta() {
        return JSON.createObjectBuilder();
    }

    private static JsonObjectBuilder head(Exchange exchange, String object, String model) {
        return JSON.createObjectBuilder()
                .add("id", ID_PREFIX + exchange.requestId())
                .add("object", object)
                .add("created", exchange.receivedAt().getEpochSecond())
                .add("model", model);
    }

    private static JsonObjectBuilder usage(Completion.Usage usage) {
        return JSON.createObjectBuilder()
                .add("prompt_tokens", usage.inputTokens())
                .add("completion_tokens", usage.outputTokens())
                .add("total_tokens", usage.totalTokens());
    }
}
