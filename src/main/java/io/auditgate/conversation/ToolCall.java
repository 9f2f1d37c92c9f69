package io.auditgate.conversation;

import jakarta.json.JsonObject;
import java.util.Objects;

/**
 * A model's call of a tool: Bedrock's {@code toolUse} block, OpenAI's {@code tool_calls[]} entry. {@code input} is
 * the arguments as one JSON object (OpenAI sends them as a JSON string, Bedrock as a document): its string values are
 * text the model reads back in the history, and text it wrote when it is in an answer, so both are screened.
 */
public record ToolCall(String id, String name, JsonObject input) {
    public ToolCall {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(input, "input");
    }
}
