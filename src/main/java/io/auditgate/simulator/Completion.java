package io.auditgate.simulator;

import java.util.Objects;
import java.util.Optional;

/**
 * A simulated model answer.
 *
 * @param text          the answer text; empty when the answer is only a tool call
 * @param stopReason    why it ended
 * @param stopSequence  the stop sequence that ended it, if one did
 * @param inputTokens   tokens counted for the prompt
 * @param outputTokens  tokens counted for the answer
 * @param guardrail     the guardrail verdict, when a guardrail was applied
 * @param toolUse       the tool call the answer ends with, if any
 */
record Completion(String text, StopReason stopReason, Optional<String> stopSequence, int inputTokens,
                  int outputTokens, Optional<GuardrailVerdict> guardrail, Optional<ToolUse> toolUse) {

    Completion {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(stopReason, "stopReason");
        Objects.requireNonNull(stopSequence, "stopSequence");
        Objects.requireNonNull(guardrail, "guardrail");
        Objects.requireNonNull(toolUse, "toolUse");
        if (inputTokens < 1 || outputTokens < 1) {
            throw new IllegalArgumentException("token counts are at least 1");
        }
    }

    int totalTokens() {
        return inputTokens + outputTokens;
    }

    /** ceil(characters / 4), at least 1: the simulator's token count for any text. */
    static int tokens(int characters) {
        return Math.max(1, (characters + 3) / 4);
    }
}
