package io.auditgate.conversation;

import java.util.List;

/**
 * Inference parameters; a {@code null} number means "the model's default" and is not sent upstream.
 * Ranges were checked by the endpoint that parsed them (for {@code /invoke}: {@code InvokeRequestParser}).
 */
public record Inference(Integer maxTokens, Double temperature, Double topP, List<String> stop) {
    public Inference {
        stop = List.copyOf(stop);
    }

    public boolean isDefault() {
        return maxTokens == null && temperature == null && topP == null && stop.isEmpty();
    }

    /** The same parameters with {@code max_tokens} set (a tenant's default cap for a request that named none). */
    public Inference withMaxTokens(int cap) {
        return new Inference(cap, temperature, topP, stop);
    }
}
