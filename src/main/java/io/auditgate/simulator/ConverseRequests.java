package io.auditgate.simulator;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads a Converse / ConverseStream request body into a {@link Prompt}, with the service's validation messages. */
final class ConverseRequests {

    private ConverseRequests() {
    }

    static Prompt parse(byte[] body, Model model) {
        JsonObject root = Json.parse(body);
        List<Turn> turns = turns(Json.arrayAt(root, "messages").orElse(JsonArray.EMPTY_JSON_ARRAY));
        List<String> system = texts(Json.arrayAt(root, "system").orElse(JsonArray.EMPTY_JSON_ARRAY), "system");
        JsonObject config = Json.objectAt(root, "inferenceConfig").orElse(JsonObject.EMPTY_JSON_OBJECT);
        List<String> stops = strings(Json.arrayAt(config, "stopSequences").orElse(JsonArray.EMPTY_JSON_ARRAY));
        PromptRules.checkStopSequences(stops, "inferenceConfig.stopSequences");
        PromptRules.checkRange(Json.doubleAt(config, "temperature").orElse(null), "inferenceConfig.temperature", 1);
        PromptRules.checkRange(Json.doubleAt(config, "topP").orElse(null), "inferenceConfig.topP", 1);
        int maxTokens = PromptRules.maxTokens(model, Json.longAt(config, "maxTokens").orElse(null),
                "inferenceConfig.maxTokens");
        Optional<ToolConfig> tools = ConverseTools.config(root);
        ConverseTools.check(turns, tools.isPresent());
        var prompt = new Prompt(system, turns, maxTokens, stops, guardrail(root), tools);
        PromptRules.checkLength(prompt);
        return prompt;
    }

    private static List<Turn> turns(JsonArray messages) {
        if (messages.isEmpty()) {
            throw PromptRules.invalid("A conversation must start with a user message. "
                    + "Try again with a conversation that starts with a user message.");
        }
        List<Turn> turns = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            JsonObject message = Json.objectIn(messages, i);
            String role = Json.stringAt(message, "role").orElse("");
            if (!role.equals("user") && !role.equals("assistant")) {
                throw PromptRules.invalid("1 validation error detected: Value '" + role + "' at 'messages." + (i + 1)
                        + ".member.role' failed to satisfy constraint: Member must satisfy enum value set: "
                        + "[user, assistant]");
            }
            checkOrder(i, role, turns);
            var content = Json.arrayAt(message, "content").orElse(JsonArray.EMPTY_JSON_ARRAY);
            turns.add(new Turn(role, texts(content, "messages." + i + ".content"), ConverseTools.toolUses(content),
                    ConverseTools.toolResults(content), ImageBlocks.of(content, i)));
        }
        ImageBlocks.checkCount(turns);
        return turns;
    }

    private static void checkOrder(int index, String role, List<Turn> previous) {
        if (index == 0 && !role.equals("user")) {
            throw PromptRules.invalid("A conversation must start with a user message. "
                    + "Try again with a conversation that starts with a user message.");
        }
        if (index > 0 && previous.get(index - 1).role().equals(role)) {
            throw PromptRules.invalid("A conversation must alternate between user and assistant roles. "
                    + "Make sure the conversation alternates between user and assistant roles and try again.");
        }
    }

    /** The text of each block that has one; images, documents and tool blocks carry no text here. */
    private static List<String> texts(JsonArray blocks, String path) {
        List<String> texts = new ArrayList<>(blocks.size());
        for (int j = 0; j < blocks.size(); j++) {
            Optional<String> text = Json.stringAt(Json.objectIn(blocks, j), "text");
            if (text.isPresent() && text.get().isBlank()) {
                throw PromptRules.invalid("The text field in the ContentBlock object at " + path + "." + j
                        + " is blank. Add text to the text field, and try again.");
            }
            text.ifPresent(texts::add);
        }
        return texts;
    }

    private static List<String> strings(JsonArray array) {
        List<String> strings = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            strings.add(Json.stringIn(array, i));
        }
        return strings;
    }

    private static Optional<GuardrailRequest> guardrail(JsonObject root) {
        return Json.objectAt(root, "guardrailConfig").map(config -> new GuardrailRequest(
                Json.stringAt(config, "guardrailIdentifier").orElseThrow(() -> missing("guardrailIdentifier")),
                Json.stringAt(config, "guardrailVersion").orElseThrow(() -> missing("guardrailVersion")),
                Json.stringAt(config, "trace").map(trace -> trace.startsWith("enabled")).orElse(false)));
    }

    private static BedrockFailure missing(String field) {
        return PromptRules.invalid("1 validation error detected: Value null at 'guardrailConfig." + field
                + "' failed to satisfy constraint: Member must not be null");
    }
}
