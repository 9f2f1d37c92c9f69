package io.auditgate.simulator;

import java.util.List;
import java.util.Objects;

/**
 * One message of a conversation, reduced to its text blocks and tool blocks.
 *
 * @param role        "user" or "assistant"
 * @param texts       the text of each text block, in order
 * @param toolUses    the tool calls of an assistant message
 * @param toolResults the tool results of a user message
 * @param images      the images the message shows (format and size only)
 */
record Turn(String role, List<String> texts, List<ToolUse> toolUses, List<ToolResult> toolResults,
            List<ImageBlocks.Seen> images) {

    Turn {
        Objects.requireNonNull(role, "role");
        texts = List.copyOf(texts);
        toolUses = List.copyOf(toolUses);
        toolResults = List.copyOf(toolResults);
        images = List.copyOf(images);
    }

    Turn(String role, List<String> texts, List<ToolUse> toolUses, List<ToolResult> toolResults) {
        this(role, texts, toolUses, toolResults, List.of());
    }

    Turn(String role, List<String> texts) {
        this(role, texts, List.of(), List.of());
    }

    boolean isUser() {
        return role.equals("user");
    }

    String text() {
        return String.join("\n", texts);
    }

    int characters() {
        int sum = 0;
        for (String text : texts) {
            sum += text.length();
        }
        for (ToolUse use : toolUses) {
            sum += use.inputJson().length();
        }
        for (ToolResult result : toolResults) {
            sum += result.text().length();
        }
        return sum;
    }
}
