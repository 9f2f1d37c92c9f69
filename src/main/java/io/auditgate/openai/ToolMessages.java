package io.auditgate.openai;

import io.auditgate.conversation.ChatMessage;
import io.auditgate.conversation.Role;
import io.auditgate.conversation.ToolCall;
import io.auditgate.conversation.ToolResult;
import io.auditgate.http.JsonFields;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The tool-use parts of OpenAI's {@code messages}: an assistant message's {@code tool_calls} (each
 * {@code {id, type: "function", function: {name, arguments}}}, the arguments a JSON object written as a string) and a
 * {@code tool} message ({@code tool_call_id}, {@code content}), which becomes a tool result in a user turn. Arguments
 * that are not a JSON object are refused with the field named. Bedrock requires every call of an assistant turn to be
 * answered in the user turn right after it, and every result to answer one of them: {@link #checkPairs} refuses
 * anything else here, with a clear message, instead of passing Bedrock's error on.
 */
final class ToolMessages {

    private static final JsonProvider JSON = JsonProvider.provider();

    private ToolMessages() {
    }

    /** {@code tool_calls}: absent, null or empty is none. */
    static List<ToolCall> calls(JsonValue value, String field, int maxChars, JsonFields fields) {
        if (value == null || value == JsonValue.NULL) {
            return List.of();
        }
        if (!(value instanceof JsonArray array)) {
            fields.reject(field, "must be an array of tool calls");
            return List.of();
        }
        var calls = new ArrayList<ToolCall>();
        for (int i = 0; i < array.size(); i++) {
            call(array.get(i), field + "[" + i + "]", maxChars, fields).ifPresent(calls::add);
        }
        return calls;
    }

    /** A {@code tool} message: the result of the call {@code tool_call_id}. */
    static Optional<ToolResult> result(JsonObject message, String field, int maxChars, JsonFields fields) {
        var id = id(message.get("tool_call_id"), field + ".tool_call_id", fields);
        var content = MessageContent.text(message.get("content"), field + ".content", maxChars, fields);
        return id.isPresent() && content.isPresent()
                ? Optional.of(new ToolResult(id.get(), content.get(), false)) : Optional.empty();
    }

    /** Each assistant turn's calls answered, all of them, by the user turn after it, and no other result anywhere. */
    static void checkPairs(List<ChatMessage> turns, JsonFields fields) {
        for (int i = 0; i < turns.size(); i++) {
            var turn = turns.get(i);
            if (turn.role() == Role.ASSISTANT && !turn.toolCalls().isEmpty()) {
                var asked = turn.toolCalls().stream().map(ToolCall::id).collect(Collectors.toSet());
                var answered = i + 1 < turns.size() ? ids(turns.get(i + 1)) : Set.<String>of();
                if (!answered.equals(asked)) {
                    fields.reject("messages", "every tool call of an assistant message must be answered by a tool "
                            + "message (its tool_call_id) right after it, and every tool message must answer one");
                    return;
                }
            } else if (turn.role() == Role.USER && !turn.toolResults().isEmpty()
                    && (i == 0 || turns.get(i - 1).toolCalls().isEmpty())) {
                fields.reject("messages", "a tool message must follow the assistant message whose tool call it answers");
                return;
            }
        }
    }

    private static Set<String> ids(ChatMessage turn) {
        return turn.toolResults().stream().map(ToolResult::toolCallId).collect(Collectors.toSet());
    }

    private static Optional<ToolCall> call(JsonValue value, String field, int maxChars, JsonFields fields) {
        if (!(value instanceof JsonObject call) || !(call.get("type") instanceof JsonString type)
                || !type.getString().equals("function") || !(call.get("function") instanceof JsonObject function)) {
            fields.reject(field, "must be {\"id\", \"type\": \"function\", \"function\": {\"name\", \"arguments\"}}");
            return Optional.empty();
        }
        var id = id(call.get("id"), field + ".id", fields);
        var name = function.get("name") instanceof JsonString s && OpenAiTools.NAME.matcher(s.getString()).matches()
                ? Optional.of(s.getString()) : Optional.<String>empty();
        if (name.isEmpty()) {
            fields.reject(field + ".function.name", "must be 1 to 64 letters, digits, _ or -");
        }
        var input = fields.string(function, "arguments", field + ".function.arguments", maxChars)
                .flatMap(arguments -> arguments(arguments, field + ".function.arguments", fields));
        return id.isPresent() && name.isPresent() && input.isPresent()
                ? Optional.of(new ToolCall(id.get(), name.get(), input.get())) : Optional.empty();
    }

    /** The arguments string as a JSON object; empty is no arguments. */
    private static Optional<JsonObject> arguments(String arguments, String field, JsonFields fields) {
        if (arguments.isBlank()) {
            return Optional.of(JsonValue.EMPTY_JSON_OBJECT);
        }
        try (var reader = JSON.createReader(new StringReader(arguments))) {
            return Optional.of(reader.readObject());
        } catch (JsonException | IllegalStateException e) {
            fields.reject(field, "must be a JSON object, written as a string");
            return Optional.empty();
        }
    }

    private static Optional<String> id(JsonValue value, String field, JsonFields fields) {
        if (value instanceof JsonString s && OpenAiTools.NAME.matcher(s.getString()).matches()) {
            return Optional.of(s.getString());
        }
        fields.reject(field, "must be 1 to 64 letters, digits, _ or -");
        return Optional.empty();
    }
}
