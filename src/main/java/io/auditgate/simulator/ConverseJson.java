package io.auditgate.simulator;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/** The Converse response document and the ConverseStream event payloads. */
final class ConverseJson {

    private ConverseJson() {
    }

    static JsonObject response(Completion completion, Prompt prompt, long latencyMs) {
        var message = Json.object().add("role", "assistant")
                .add("content", Json.array().add(Json.object().add("text", completion.text())));
        var response = Json.object()
                .add("output", Json.object().add("message", message))
                .add("stopReason", completion.stopReason().wireName())
                .add("usage", usage(completion))
                .add("metrics", Json.object().add("latencyMs", latencyMs));
        addTrace(response, completion, prompt);
        return response.build();
    }

    static JsonObject messageStart() {
        return Json.object().add("role", "assistant").build();
    }

    static JsonObject delta(String text) {
        return Json.object().add("delta", Json.object().add("text", text)).add("contentBlockIndex", 0).build();
    }

    static JsonObject blockStop() {
        return Json.object().add("contentBlockIndex", 0).build();
    }

    static JsonObject messageStop(Completion completion) {
        return Json.object().add("stopReason", completion.stopReason().wireName()).build();
    }

    static JsonObject metadata(Completion completion, Prompt prompt, long latencyMs) {
        var metadata = Json.object().add("usage", usage(completion))
                .add("metrics", Json.object().add("latencyMs", latencyMs));
        addTrace(metadata, completion, prompt);
        return metadata.build();
    }

    static JsonObject streamError(String message) {
        return Json.object().add("message", message).add("originalStatusCode", 500)
                .add("originalMessage", message).build();
    }

    private static JsonObject usage(Completion completion) {
        return Json.object().add("inputTokens", completion.inputTokens())
                .add("outputTokens", completion.outputTokens())
                .add("totalTokens", completion.totalTokens()).build();
    }

    /** trace.guardrail, only when a guardrail ran and the request asked for its trace. */
    private static void addTrace(JsonObjectBuilder target, Completion completion, Prompt prompt) {
        boolean wanted = prompt.guardrail().map(GuardrailRequest::trace).orElse(false);
        if (!wanted || completion.guardrail().isEmpty()) {
            return;
        }
        var verdict = completion.guardrail().get();
        var guardrail = Json.object().add("inputAssessment",
                Json.object().add(SimGuardrail.IDENTIFIER, SimGuardrail.assessment(verdict)));
        if (verdict.intervened()) {
            guardrail.add("actionReason", SimGuardrail.ACTION_REASON);
        }
        target.add("trace", Json.object().add("guardrail", guardrail));
    }
}
