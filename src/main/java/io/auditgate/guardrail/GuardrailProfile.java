package io.auditgate.guardrail;

import io.auditgate.guardrail.injection.InjectionPolicy;
import io.auditgate.guardrail.pii.PiiPolicy;
import java.util.Objects;
import java.util.Optional;

/**
 * A tenant's screening rules: PII actions for the prompt and for the answer, the prompt-injection threshold and
 * action, and optionally an Amazon Bedrock guardrail applied by the model call.
 */
public record GuardrailProfile(String name, PiiPolicy input, PiiPolicy output, InjectionPolicy injection,
                               Optional<BedrockGuardrail> bedrock) {

    /** Masks every PII type in and out, flags likely injection, no Bedrock guardrail. */
    public static final GuardrailProfile STANDARD = new GuardrailProfile("standard", PiiPolicy.maskAll(),
            PiiPolicy.maskAll(), InjectionPolicy.DEFAULT, Optional.empty());

    public GuardrailProfile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(injection, "injection");
        Objects.requireNonNull(bedrock, "bedrock");
    }
}
