package io.auditgate.simulator;

import java.util.Objects;

/**
 * The guardrail a Converse request asks for.
 *
 * @param identifier the guardrail identifier
 * @param version    the guardrail version
 * @param trace      whether the response should carry the guardrail trace
 */
record GuardrailRequest(String identifier, String version, boolean trace) {

    GuardrailRequest {
        Objects.requireNonNull(identifier, "identifier");
        Objects.requireNonNull(version, "version");
    }
}
