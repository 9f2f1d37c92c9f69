package io.auditgate.conversation;

import java.util.List;
import java.util.Objects;

/**
 * One turn of the conversation, as the client sent it (unscreened): its text, the images a user turn shows and, for
 * tool use, the calls an assistant turn made and the results a user turn returns. The block order is fixed as
 * Bedrock (Claude) expects it: a user turn's tool results come first, then its images, then its text (Anthropic
 * advises images before the text about them); an assistant turn's text before its tool calls. {@code content} may be
 * empty only when the turn has tool calls, results or images.
 */
public record ChatMessage(Role role, String content, List<ToolCall> toolCalls, List<ToolResult> toolResults,
                          List<Image> images) {

    /** A text-only turn. */
    public ChatMessage(Role role, String content) {
        this(role, content, List.of(), List.of());
    }

    /** A turn without images. */
    public ChatMessage(Role role, String content, List<ToolCall> toolCalls, List<ToolResult> toolResults) {
        this(role, content, toolCalls, toolResults, List.of());
    }

    public ChatMessage {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(content, "content");
        toolCalls = List.copyOf(toolCalls);
        toolResults = List.copyOf(toolResults);
        images = List.copyOf(images);
        if (!images.isEmpty() && role != Role.USER) {
            throw new IllegalArgumentException("only a user turn shows images");
        }
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

    /** The text block is left out only of a turn that has something else: tool use or images. */
    public boolean needsTextBlock() {
        return !content.isEmpty() || !hasTools() && images.isEmpty();
    }

    /** The characters the model reads in this turn (text, tool results, tool-call arguments as JSON), for limits. */
    public int length() {
        return content.length() + toolResults.stream().mapToInt(r -> r.content().length()).sum()
                + toolCalls.stream().mapToInt(c -> c.input().toString().length()).sum();
    }
}
