package io.auditgate.simulator;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A validated model request, whichever API it came through.
 *
 * @param system        the system prompt texts
 * @param turns         the conversation, starting with a user turn
 * @param maxTokens     the output limit, at most the model's own
 * @param stopSequences texts that end the answer where they first occur
 * @param guardrail     the guardrail to apply, if any
 * @param tools         the tools offered, if any
 */
record Prompt(List<String> system, List<Turn> turns, int maxTokens, List<String> stopSequences,
              Optional<GuardrailRequest> guardrail, Optional<ToolConfig> tools) {

    Prompt {
        system = List.copyOf(system);
        turns = List.copyOf(turns);
        stopSequences = List.copyOf(stopSequences);
        Objects.requireNonNull(guardrail, "guardrail");
        Objects.requireNonNull(tools, "tools");
        if (turns.isEmpty() || !turns.get(0).isUser()) {
            throw new IllegalArgumentException("a prompt starts with a user turn");
        }
        if (maxTokens < 1) {
            throw new IllegalArgumentException("maxTokens must be positive");
        }
    }

    /** Characters of the system prompt and every message, the basis of the input token count. */
    int characters() {
        int sum = 0;
        for (String text : system) {
            sum += text.length();
        }
        for (Turn turn : turns) {
            sum += turn.characters();
        }
        return sum;
    }

    String lastUserText() {
        return lastUserTurn().text();
    }

    Turn lastUserTurn() {
        for (int i = turns.size() - 1; i >= 0; i--) {
            if (turns.get(i).isUser()) {
                return turns.get(i);
            }
        }
        throw new IllegalStateException("a prompt always has a user turn");
    }
}
