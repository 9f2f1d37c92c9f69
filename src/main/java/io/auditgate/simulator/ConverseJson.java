package io.auditgate.simulator;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/** The Converse response document and the ConverseStream event payloads. */
final class ConverseJson {

    private ConverseJson() {
    }

    static JsonObject response(Completion completion, Prompt prompt, long latencyMs) {
        var content = Json.array();
        if (!completion.text().isEmpty() || completion.toolUse().isEmpty()) {
            content.add(Json.object().add("text", completion.text()));
        }
        completion.toolUse().ifPresent(use -> content.add(Json.object().add("toolUse", Json.object()
                .add("toolUseId", use.id()).add("name", use.name()).add("input", use.input()))));
        var message = Json.object().add("role", "assistant").add("content", content);
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

    static JsonObject delta(int index, String text) {
        return Json.object().add("delta", Json.object().add("text", text)).add("contentBlockIndex", index).build();
    }

    /** contentBlockStart: only tool-use blocks announce themselves; text blocks begin with their first delta. */
    static JsonObject toolStart(int index, ToolUse use) {
        return Json.object().add("start", Json.object().add("toolUse", Json.object()
                .add("toolUseId", use.id()).add("name", use.name()))).add("contentBlockIndex", index).build();
    }

    /** A fragment of the tool input's JSON text; the fragments joined parse as the input object. */
    static JsonObject toolDelta(int index, String fragment) {
        return Json.object().add("delta", Json.object().add("toolUse", Json.object().add("input", fragment)))
                .add("contentBlockIndex", index).build();
    }

    static JsonObject blockStop(int index) {
        return Json.object().add("contentBlockIndex", index).build();
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
