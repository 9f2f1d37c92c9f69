package io.auditgate.conversation;

import java.util.List;
import java.util.Objects;

/**
 * One turn of the conversation, as the client sent it (unscreened): its text and, for tool use, the calls an
 * assistant turn made and the results a user turn returns. The block order is fixed as Bedrock (Claude) expects it:
 * a user turn's tool results come before its text, an assistant turn's text before its tool calls. {@code content}
 * may be empty only when the turn has tool calls or results.
 */
public record ChatMessage(Role role, String content, List<ToolCall> toolCalls, List<ToolResult> toolResults) {

    /** A text-only turn. */
    public ChatMessage(Role role, String content) {
        this(role, content, List.of(), List.of());
    }

    public ChatMessage {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(content, "content");
        toolCalls = List.copyOf(toolCalls);
        toolResults = List.copyOf(toolResults);
        if (!toolCalls.isEmpty() && role != Role.ASSISTANT) {
            throw new IllegalArgumentException("only an assistant turn calls tools");
        }
        if (!toolResults.isEmpty() && role != Role.USER) {
            throw new IllegalArgumentException("tool results come in a user turn");
        }
    }

    public boolean hasTools() {
        return !toolCalls.isEmpty() || !toolResults.isEmpty();
    }

    /** The characters the model reads in this turn (text, tool results, tool-call arguments as JSON), for limits. */
    public int length() {
        return content.length() + toolResults.stream().mapToInt(r -> r.content().length()).sum()
                + toolCalls.stream().mapToInt(c -> c.input().toString().length()).sum();
    }
}
