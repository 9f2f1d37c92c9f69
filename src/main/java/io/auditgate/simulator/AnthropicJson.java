package io.auditgate.simulator;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/** Anthropic Messages API documents: the InvokeModel response and the streaming events inside each chunk. */
final class AnthropicJson {

    private AnthropicJson() {
    }

    static JsonObject message(String id, Model model, Completion completion) {
        return Json.object().add("id", id).add("type", "message").add("role", "assistant")
                .add("model", modelName(model))
                .add("content", Json.array().add(Json.object().add("type", "text").add("text", completion.text())))
                .add("stop_reason", completion.stopReason().wireName())
                .add("stop_sequence", completion.stopSequence().map(Json::string).orElse(JsonValue.NULL))
                .add("usage", Json.object().add("input_tokens", completion.inputTokens())
                        .add("output_tokens", completion.outputTokens()))
                .build();
    }

    static JsonObject messageStart(String id, Model model, Completion completion) {
        var message = Json.object().add("id", id).add("type", "message").add("role", "assistant")
                .add("model", modelName(model)).add("content", Json.array())
                .add("stop_reason", JsonValue.NULL).add("stop_sequence", JsonValue.NULL)
                .add("usage", Json.object().add("input_tokens", completion.inputTokens()).add("output_tokens", 1));
        return Json.object().add("type", "message_start").add("message", message).build();
    }

    static JsonObject blockStart() {
        return Json.object().add("type", "content_block_start").add("index", 0)
                .add("content_block", Json.object().add("type", "text").add("text", "")).build();
    }

    static JsonObject delta(String text) {
        return Json.object().add("type", "content_block_delta").add("index", 0)
                .add("delta", Json.object().add("type", "text_delta").add("text", text)).build();
    }

    static JsonObject blockStop() {
        return Json.object().add("type", "content_block_stop").add("index", 0).build();
    }

    static JsonObject messageDelta(Completion completion) {
        return Json.object().add("type", "message_delta")
                .add("delta", Json.object().add("stop_reason", completion.stopReason().wireName())
                        .add("stop_sequence", completion.stopSequence().map(Json::string).orElse(JsonValue.NULL)))
                .add("usage", Json.object().add("output_tokens", completion.outputTokens())).build();
    }

    static JsonObject messageStop(Completion completion, long latencyMs, long firstByteLatencyMs) {
        return Json.object().add("type", "message_stop")
                .add("amazon-bedrock-invocationMetrics", Json.object()
                        .add("inputTokenCount", completion.inputTokens())
                        .add("outputTokenCount", completion.outputTokens())
                        .add("invocationLatency", latencyMs)
                        .add("firstByteLatency", firstByteLatencyMs))
                .build();
    }

    /** The model name Anthropic reports: the base id without provider and Bedrock version suffix. */
    private static String modelName(Model model) {
        String name = model.baseId().substring(model.provider().length() + 1);
        int version = name.lastIndexOf("-v");
        return version > 0 ? name.substring(0, version) : name;
    }
}
