package io.auditgate.bedrock;

import java.util.Objects;

/** The model's answer as Bedrock returned it, before output screening. */
public record Completion(String model, String text, String stopReason, Usage usage) {

    /** Token counts as reported by Bedrock. */
    public record Usage(int inputTokens, int outputTokens, int totalTokens) {
    }

    public Completion {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(stopReason, "stopReason");
        Objects.requireNonNull(usage, "usage");
    }
}
