package io.auditgate.simulator;

import java.util.Objects;

/**
 * A model the simulator serves.
 *
 * @param requestedId     the identifier as the client sent it (decoded), used in answers and statistics
 * @param baseId          the foundation-model id behind it, without region prefix or ARN
 * @param provider        the part of the base id before the first '.'
 * @param maxOutputTokens the largest maxTokens the model accepts
 */
record Model(String requestedId, String baseId, String provider, int maxOutputTokens) {

    Model {
        Objects.requireNonNull(requestedId, "requestedId");
        Objects.requireNonNull(baseId, "baseId");
        Objects.requireNonNull(provider, "provider");
        if (maxOutputTokens < 1) {
            throw new IllegalArgumentException("maxOutputTokens must be positive");
        }
    }

    boolean isAnthropic() {
        return provider.equals("anthropic");
    }
}
