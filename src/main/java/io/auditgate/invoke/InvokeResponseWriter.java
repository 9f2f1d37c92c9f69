package io.auditgate.invoke;

import io.auditgate.guardrail.GuardrailReport;
import io.auditgate.guardrail.GuardrailJson;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Writes {@link InvokeResponse} as the contract's JSON, by explicit mapping. The {@code guardrail} object is
 * present only when a stage found something, so a clean answer has exactly the seed's fields.
 */
@Provider
@Produces(MediaType.APPLICATION_JSON)
public class InvokeResponseWriter implements MessageBodyWriter<InvokeResponse> {

    /** Looked up once: {@code jakarta.json.Json}'s static methods search the class path for a provider on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    static JsonObjectBuilder guardrail(GuardrailReport report) {
        var json = JSON.createObjectBuilder()
                .add("input", GuardrailJson.stage(report.input()))
                .add("output", GuardrailJson.stage(report.output()));
        report.bedrock().ifPresent(b -> json.add("bedrock", GuardrailJson.stage(b)));
        return json;
    }


    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return InvokeResponse.class.isAssignableFrom(type);
    }

    @Override
    public void writeTo(InvokeResponse r, Class<?> type, Type genericType, Annotation[] annotations,
                        MediaType mediaType, MultivaluedMap<String, Object> headers, OutputStream out) {
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
        try (var writer = JSON.createWriter(out)) {
            writer.writeObject(json.build());
        }
    }
}
