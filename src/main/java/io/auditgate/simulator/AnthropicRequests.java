package io.auditgate.simulator;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads an Anthropic Messages body sent through InvokeModel into a {@link Prompt}, as Bedrock validates it. */
final class AnthropicRequests {

    private AnthropicRequests() {
    }

    static Prompt parse(byte[] body, Model model) {
        JsonObject root = Json.parse(body);
        required(root, "anthropic_version");
        required(root, "max_tokens");
        required(root, "messages");
        int maxTokens = PromptRules.maxTokens(model, Json.longAt(root, "max_tokens").orElseThrow(Json::malformed), "max_tokens");
        PromptRules.checkRange(Json.doubleAt(root, "temperature").orElse(null), "temperature", 1);
        PromptRules.checkRange(Json.doubleAt(root, "top_p").orElse(null), "top_p", 1);
        var prompt = new Prompt(content(root.get("system"), "system"),
                turns(Json.arrayAt(root, "messages").orElseThrow(Json::malformed)), maxTokens,
                stopSequences(Json.arrayAt(root, "stop_sequences").orElse(JsonArray.EMPTY_JSON_ARRAY)),
                Optional.empty(), Optional.empty());
        PromptRules.checkLength(prompt);
        return prompt;
    }

    private static void required(JsonObject root, String key) {
        if (!root.containsKey(key)) {
            throw PromptRules.invalid("Malformed input request: #: required key [" + key
                    + "] not found, please reformat your input and try again.");
        }
    }

    private static List<Turn> turns(JsonArray messages) {
        if (messages.isEmpty() || !"user".equals(Json.stringAt(Json.objectIn(messages, 0), "role").orElse(""))) {
            throw PromptRules.invalid("messages: first message must use the \"user\" role");
        }
        List<Turn> turns = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            JsonObject message = Json.objectIn(messages, i);
            String role = Json.stringAt(message, "role").orElse("");
            if (!role.equals("user") && !role.equals("assistant")) {
                throw PromptRules.invalid("messages." + i + ".role: Input should be 'user' or 'assistant'");
            }
            if (i > 0 && turns.get(i - 1).role().equals(role)) {
                throw PromptRules.invalid("messages: roles must alternate between \"user\" and \"assistant\", "
                        + "but found multiple \"" + role + "\" roles in a row");
            }
            turns.add(new Turn(role, content(message.get("content"), "messages." + i + ".content")));
        }
        return turns;
    }

    /** Content is either one string or a list of blocks; only text blocks carry text. */
    private static List<String> content(JsonValue content, String path) {
        if (content == null || content.getValueType() == JsonValue.ValueType.NULL) {
            return List.of();
        }
        if (content.getValueType() == JsonValue.ValueType.STRING) {
            return List.of(nonEmpty(((JsonString) content).getString(), path));
        }
        if (content.getValueType() != JsonValue.ValueType.ARRAY) {
            throw Json.malformed();
        }
        JsonArray blocks = content.asJsonArray();
        List<String> texts = new ArrayList<>(blocks.size());
        for (int j = 0; j < blocks.size(); j++) {
            JsonObject block = Json.objectIn(blocks, j);
            if ("text".equals(Json.stringAt(block, "type").orElse(""))) {
                texts.add(nonEmpty(Json.stringAt(block, "text").orElse(""), path + "." + j));
            }
        }
        return texts;
    }

    private static String nonEmpty(String text, String path) {
        if (text.isEmpty()) {
            throw PromptRules.invalid(path + ": text content blocks must be non-empty");
        }
        return text;
    }

    private static List<String> stopSequences(JsonArray array) {
        List<String> stops = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            stops.add(Json.stringIn(array, i));
        }
        return stops;
    }
}
