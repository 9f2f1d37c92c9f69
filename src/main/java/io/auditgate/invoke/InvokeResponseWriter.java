package io.auditgate.invoke;

import io.auditgate.guardrail.GuardrailJson;
import io.auditgate.guardrail.GuardrailReport;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.nio.charset.StandardCharsets;

/**
 * Writes {@link InvokeResponse} as the contract's JSON, by explicit mapping. The {@code guardrail} object is
 * present only when a stage found something, so a clean answer has exactly the seed's fields.
 */
final class InvokeResponseWriter {

    /** Looked up once: {@code jakarta.json.Json}'s static methods search the class path for a provider on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private InvokeResponseWriter() {
    }

    static byte[] bytes(InvokeResponse r) {
        var json = JSON.createObjectBuilder()
                .add("request_id", r.requestId())
                .add("model_id", r.modelId())
                .add("latency_ms", r.latencyMs())
                .add("response", r.response())
                .add("guardrail_status", r.guardrail().status().wire())
                .add("stop_reason", r.stopReason())
                .add("usage", JSON.createObjectBuilder()
                        .add("input_tokens", r.usage().inputTokens())
                        .add("output_tokens", r.usage().outputTokens())
                        .add("total_tokens", r.usage().totalTokens()));
        if (!r.guardrail().isClean()) {
            json.add("guardrail", guardrail(r.guardrail()));
        }
        return json.build().toString().getBytes(StandardCharsets.UTF_8);
    }

    static JsonObjectBuilder guardrail(GuardrailReport report) {
        var json = JSON.createObjectBuilder()
                .add("input", GuardrailJson.stage(report.input()))
                .add("output", GuardrailJson.stage(report.output()));
        report.bedrock().ifPresent(b -> json.add("bedrock", GuardrailJson.stage(b)));
        return json;
    }
}
