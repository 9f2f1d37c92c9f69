package io.auditgate.guardrail;

import io.auditgate.invoke.ChatMessage;
import io.auditgate.invoke.Inference;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A request whose text has passed the input guardrails: the only form in which a prompt may reach a model. */
public final class ScreenedPrompt {

    private final String requestId;
    private final String model;
    private final Optional<String> system;
    private final List<ChatMessage> messages;
    private final Inference inference;
    private final Map<String, String> metadata;
    private final GuardrailStatus status;

    ScreenedPrompt(String requestId, String model, Optional<String> system, List<ChatMessage> messages,
                   Inference inference, Map<String, String> metadata, GuardrailStatus status) {
        this.requestId = requestId;
        this.model = model;
        this.system = system;
        this.messages = List.copyOf(messages);
        this.inference = inference;
        this.metadata = Map.copyOf(metadata);
        this.status = status;
    }

    public String requestId() {
        return requestId;
    }

    public String model() {
        return model;
    }

    public Optional<String> system() {
        return system;
    }

    public List<ChatMessage> messages() {
        return messages;
    }

    public Inference inference() {
        return inference;
    }

    public Map<String, String> metadata() {
        return metadata;
    }

    public GuardrailStatus status() {
        return status;
    }
}
