package io.auditgate.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A simulated model answer.
 *
 * @param text          the answer text
 * @param stopReason    why it ended
 * @param stopSequence  the stop sequence that ended it, if one did
 * @param inputTokens   tokens counted for the prompt
 * @param outputTokens  tokens counted for the answer
 * @param guardrail     the guardrail verdict, when a guardrail was applied
 */
record Completion(String text, StopReason stopReason, Optional<String> stopSequence, int inputTokens,
                  int outputTokens, Optional<GuardrailVerdict> guardrail) {

    Completion {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(stopReason, "stopReason");
        Objects.requireNonNull(stopSequence, "stopSequence");
        Objects.requireNonNull(guardrail, "guardrail");
        if (inputTokens < 1 || outputTokens < 1) {
            throw new IllegalArgumentException("token counts are at least 1");
        }
    }

    int totalTokens() {
        return inputTokens + outputTokens;
    }

    /** The text cut into word-sized pieces for streaming; joined, they are exactly {@link #text()}. */
    List<String> deltas() {
        List<String> pieces = new ArrayList<>();
        int start = 0;
        for (int i = 1; i < text.length(); i++) {
            if (text.charAt(i - 1) == ' ' && text.charAt(i) != ' ') {
                pieces.add(text.substring(start, i));
                start = i;
            }
        }
        if (start < text.length()) {
            pieces.add(text.substring(start));
        }
        return pieces;
    }

    /** ceil(characters / 4), at least 1: the simulator's token count for any text. */
    static int tokens(int characters) {
        return Math.max(1, (characters + 3) / 4);
    }
}
