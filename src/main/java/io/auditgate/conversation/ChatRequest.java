package io.auditgate.conversation;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A validated conversation request, as an endpoint parsed it (today {@code /invoke}, where a {@code prompt}
 * becomes one user message): the conversation, the resolved model id, inference parameters and client metadata.
 * {@code stream}: the client asked for the answer as it is written (server-sent events). {@code ignoredFields}: the
 * names of request fields the endpoint accepted but did not apply (bounded by the endpoint), for the record.
 * {@code tools}: the tools offered ({@link Tools#NONE} on {@code /invoke}). Its text is not yet screened. Every
 * endpoint parses into this one shape; the core takes nothing else.
 */
public record ChatRequest(String requestId, String model, Optional<String> system, List<ChatMessage> messages,
                          Inference inference, Map<String, String> metadata, boolean stream,
                          List<String> ignoredFields, Tools tools) {

    /** A request that offers no tools. */
    public ChatRequest(String requestId, String model, Optional<String> system, List<ChatMessage> messages,
                       Inference inference, Map<String, String> metadata, boolean stream, List<String> ignoredFields) {
        this(requestId, model, system, messages, inference, metadata, stream, ignoredFields, Tools.NONE);
    }

    /** A request whose endpoint ignores no field ({@code /invoke} refuses unknown fields instead). */
    public ChatRequest(String requestId, String model, Optional<String> system, List<ChatMessage> messages,
                       Inference inference, Map<String, String> metadata, boolean stream) {
        this(requestId, model, system, messages, inference, metadata, stream, List.of());
    }

    /** A request answered in one piece. */
    public ChatRequest(String requestId, String model, Optional<String> system, List<ChatMessage> messages,
                       Inference inference, Map<String, String> metadata) {
        this(requestId, model, system, messages, inference, metadata, false);
    }

    public ChatRequest {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(inference, "inference");
        messages = List.copyOf(messages);
        metadata = Map.copyOf(metadata);
        ignoredFields = List.copyOf(ignoredFields);
        Objects.requireNonNull(tools, "tools");
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("a request has at least one message");
        }
    }

    /** The same request with other inference parameters. */
    public ChatRequest with(Inference changed) {
        return new ChatRequest(requestId, model, system, messages, changed, metadata, stream, ignoredFields, tools);
    }
}
