package io.auditgate.invoke;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A validated {@code /invoke} request: the conversation (a {@code prompt} becomes one user message), the
 * resolved model id, inference parameters and client metadata. Its text is not yet screened.
 */
public record InvokeRequest(String requestId, String model, Optional<String> system, List<ChatMessage> messages,
                            Inference inference, Map<String, String> metadata) {
    public InvokeRequest {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(inference, "inference");
        messages = List.copyOf(messages);
        metadata = Map.copyOf(metadata);
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("a request has at least one message");
        }
    }
}
