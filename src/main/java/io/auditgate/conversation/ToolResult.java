package io.auditgate.conversation;

import java.util.Objects;

/**
 * What a tool returned, sent back to the model in a user turn: Bedrock's {@code toolResult} block, OpenAI's
 * {@code tool} message. Its text comes from outside the conversation (a web page, a database row), so it is the
 * place of indirect prompt injection: screened like every other text.
 *
 * @param toolCallId the {@link ToolCall#id()} it answers
 * @param error      the tool failed and the text says why (Bedrock's {@code status: error})
 */
public record ToolResult(String toolCallId, String content, boolean error) {
    public ToolResult {
        Objects.requireNonNull(toolCallId, "toolCallId");
        Objects.requireNonNull(content, "content");
    }
}
