package io.auditgate.invoke;

import io.auditgate.conversation.Completion;
import io.auditgate.guardrail.GuardrailReport;
import java.util.Objects;

/** The answer to {@code POST /invoke}; written field by field by {@link InvokeResponseWriter}. */
public record InvokeResponse(String requestId, String modelId, long latencyMs, String response,
                             GuardrailReport guardrail, String stopReason, Completion.Usage usage) {
    public InvokeResponse {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(guardrail, "guardrail");
        Objects.requireNonNull(stopReason, "stopReason");
        Objects.requireNonNull(usage, "usage");
    }
}
