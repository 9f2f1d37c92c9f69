package io.auditgate.simulator;

import com.sun.net.httpserver.HttpExchange;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Answers ApplyGuardrail with the same engine that guards Converse. */
final class GuardrailCalls {

    private GuardrailCalls() {
    }

    static void apply(HttpExchange exchange, Route.GuardrailRoute route, byte[] body) throws IOException {
        SimGuardrail.require(route.identifier());
        JsonObject root = Json.parse(body);
        String source = Json.stringAt(root, "source").orElse("");
        if (!source.equals("INPUT") && !source.equals("OUTPUT")) {
            throw PromptRules.invalid("1 validation error detected: Value '" + source
                    + "' at 'source' failed to satisfy constraint: Member must satisfy enum value set: [INPUT, OUTPUT]");
        }
        var verdict = SimGuardrail.assess(texts(Json.arrayAt(root, "content").orElse(JsonArray.EMPTY_JSON_ARRAY)));
        var outputs = Json.array();
        var response = Json.object().add("usage", SimGuardrail.usage(verdict));
        if (verdict.intervened()) {
            outputs.add(Json.object().add("text", SimGuardrail.BLOCKED_MESSAGE));
            response.add("action", "GUARDRAIL_INTERVENED").add("actionReason", SimGuardrail.ACTION_REASON);
        } else {
            response.add("action", "NONE");
        }
        response.add("outputs", outputs)
                .add("assessments", Json.array().add(SimGuardrail.assessment(verdict)))
                .add("guardrailCoverage", SimGuardrail.coverage(verdict));
        Replies.json(exchange, 200, Json.bytes(response.build()));
    }

    private static List<String> texts(JsonArray content) {
        List<String> texts = new ArrayList<>(content.size());
        for (int i = 0; i < content.size(); i++) {
            Json.objectAt(Json.objectIn(content, i), "text")
                    .flatMap(text -> Json.stringAt(text, "text"))
                    .ifPresent(texts::add);
        }
        return texts;
    }
}
