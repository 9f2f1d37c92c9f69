package io.auditgate.guardrail;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

/**
 * The one JSON form of a guardrail stage, {@code {status, findings:[{type, count, action}]}}, shared by the
 * response's {@code guardrail} object and the audit record's {@code guardrails}: types and counts, never values.
 */
public final class GuardrailJson {

    private GuardrailJson() {
    }

    public static JsonObjectBuilder stage(StageReport stage) {
        return Json.createObjectBuilder().add("status", stage.status().wire()).add("findings", findings(stage));
    }

    public static JsonArrayBuilder findings(StageReport stage) {
        var findings = Json.createArrayBuilder();
        stage.findings().forEach(f -> findings.add(Json.createObjectBuilder()
                .add("type", f.type()).add("count", f.count()).add("action", f.action())));
        return findings;
    }
}
