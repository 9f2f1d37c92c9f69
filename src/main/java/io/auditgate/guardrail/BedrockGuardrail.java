package io.auditgate.guardrail;

import java.util.Objects;

/** An Amazon Bedrock guardrail a profile asks the model call to apply (sent as Converse {@code guardrailConfig}). */
public record BedrockGuardrail(String id, String version) {
    public BedrockGuardrail {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
    }
}
