package io.auditgate.guardrail;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;

/**
 * The one JSON form of a guardrail stage, {@code {status, findings:[{type, count, action}]}}, shared by the
 * response's {@code guardrail} object and the audit record's {@code guardrails}: types and counts, never values.
 */
public final class GuardrailJson {

    /** Looked up once: {@code jakarta.json.Json}'s static methods search the class path for a provider on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private GuardrailJson() {
    }

    public static JsonObjectBuilder stage(StageReport stage) {
        return JSON.createObjectBuilder().add("status", stage.status().wire()).add("findings", findings(stage));
    }

    public static JsonArrayBuilder findings(StageReport stage) {
        var findings = JSON.createArrayBuilder();
        stage.findings().forEach(f -> findings.add(JSON.createObjectBuilder()
                .add("type", f.type()).add("count", f.count()).add("action", f.action())));
        return findings;
    }
}
