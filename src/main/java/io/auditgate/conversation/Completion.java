package io.auditgate.conversation;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The model's answer as Bedrock returned it, before output screening: its text and the tools it calls (stop reason
 * {@code tool_use}); {@code guardrail} is present when the request asked for a Bedrock guardrail.
 */
public record Completion(String model, String text, String stopReason, Usage usage, Optional<GuardrailTrace> guardrail,
                         List<ToolCall> toolCalls) {

    /** An answer in text only. */
    public Completion(String model, String text, String stopReason, Usage usage, Optional<GuardrailTrace> guardrail) {
        this(model, text, stopReason, usage, guardrail, List.of());
    }

    public static final String GUARDRAIL_INTERVENED = "guardrail_intervened";

    /** Token counts as reported by Bedrock. */
    public record Usage(int inputTokens, int outputTokens, int totalTokens) {
    }

    /** A Bedrock guardrail's verdict: whether it intervened, and each assessed policy hit (type, action; no matched text). */
    public record GuardrailTrace(boolean intervened, List<Assessed> assessed) {
        public GuardrailTrace {
            assessed = List.copyOf(assessed);
        }
    }

    /** One policy hit of a guardrail assessment, e.g. ("EMAIL", "BLOCKED") or ("CUSTOM_WORD", "BLOCKED"). */
    public record Assessed(String type, String action) {
    }

    public Completion {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(stopReason, "stopReason");
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(guardrail, "guardrail");
        toolCalls = List.copyOf(toolCalls);
    }
}
