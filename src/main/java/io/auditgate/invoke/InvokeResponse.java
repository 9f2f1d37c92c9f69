package io.auditgate.invoke;

import io.auditgate.bedrock.Completion;
import java.util.Objects;

/** The answer to {@code POST /invoke}; written field by field by {@link InvokeResponseWriter}. */
public record InvokeResponse(String requestId, String modelId, long latencyMs, String response,
                             String guardrailStatus, String stopReason, Completion.Usage usage) {
    public InvokeResponse {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(guardrailStatus, "guardrailStatus");
        Objects.requireNonNull(stopReason, "stopReason");
        Objects.requireNonNull(usage, "usage");
    }
}
