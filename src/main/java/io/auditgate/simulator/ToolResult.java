package io.auditgate.simulator;

import java.util.Objects;

/**
 * What a tool answered, sent back in a user message.
 *
 * @param toolUseId the call it answers
 * @param text      its text and JSON contents, joined by new lines
 */
record ToolResult(String toolUseId, String text) {

    ToolResult {
        Objects.requireNonNull(toolUseId, "toolUseId");
        Objects.requireNonNull(text, "text");
    }
}
