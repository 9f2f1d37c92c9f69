package io.auditgate.simulator;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads {@code toolConfig} and the toolUse / toolResult blocks of a Converse request, and holds them to the rules
 * the service enforces: tool blocks need a toolConfig, and every toolUse is answered by a toolResult with the same
 * id in the very next message (and only then).
 */
final class ConverseTools {

    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_-]{1,64}");

    private ConverseTools() {
    }

    static Optional<ToolConfig> config(JsonObject root) {
        return Json.objectAt(root, "toolConfig").map(ConverseTools::parse);
    }

    private static ToolConfig parse(JsonObject config) {
        JsonArray entries = Json.arrayAt(config, "tools").orElse(JsonArray.EMPTY_JSON_ARRAY);
        List<ToolConfig.Tool> tools = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Json.objectAt(Json.objectIn(entries, i), "toolSpec").ifPresent(spec -> tools.add(tool(spec, tools.size())));
        }
        if (tools.isEmpty()) {
            throw PromptRules.invalid("1 validation error detected: Value '[]' at 'toolConfig.tools' failed to "
                    + "satisfy constraint: Member must have length greater than or equal to 1");
        }
        JsonObject choice = Json.objectAt(config, "toolChoice").orElse(JsonObject.EMPTY_JSON_OBJECT);
        if (choice.containsKey("tool")) {
            String named = Json.objectAt(choice, "tool").flatMap(tool -> Json.stringAt(tool, "name"))
                    .orElseThrow(Json::malformed);
            if (tools.stream().noneMatch(tool -> tool.name().equals(named))) {
                throw PromptRules.invalid("toolChoice names the tool " + named
                        + ", which is not in toolConfig.tools.");
            }
            return new ToolConfig(tools, ToolConfig.Choice.TOOL, Optional.of(named));
        }
        var kind = choice.containsKey("any") ? ToolConfig.Choice.ANY : ToolConfig.Choice.AUTO;
        return new ToolConfig(tools, kind, Optional.empty());
    }

    private static ToolConfig.Tool tool(JsonObject spec, int index) {
        String name = Json.stringAt(spec, "name").orElse("");
        if (!NAME.matcher(name).matches()) {
            throw PromptRules.invalid("1 validation error detected: Value '" + name + "' at 'toolConfig.tools."
                    + (index + 1) + ".member.toolSpec.name' failed to satisfy constraint: Member must satisfy "
                    + "regular expression pattern: [a-zA-Z0-9_-]+");
        }
        JsonObject schema = Json.objectAt(spec, "inputSchema").flatMap(s -> Json.objectAt(s, "json"))
                .orElseThrow(() -> PromptRules.invalid("1 validation error detected: Value null at 'toolConfig.tools."
                        + (index + 1) + ".member.toolSpec.inputSchema' failed to satisfy constraint: "
                        + "Member must not be null"));
        return new ToolConfig.Tool(name, schema);
    }

    static List<ToolUse> toolUses(JsonArray blocks) {
        List<ToolUse> uses = new ArrayList<>();
        for (int j = 0; j < blocks.size(); j++) {
            Json.objectAt(Json.objectIn(blocks, j), "toolUse").ifPresent(use -> uses.add(new ToolUse(
                    Json.stringAt(use, "toolUseId").orElseThrow(Json::malformed),
                    Json.stringAt(use, "name").orElseThrow(Json::malformed),
                    Json.objectAt(use, "input").orElse(JsonObject.EMPTY_JSON_OBJECT))));
        }
        return uses;
    }

    static List<ToolResult> toolResults(JsonArray blocks) {
        List<ToolResult> results = new ArrayList<>();
        for (int j = 0; j < blocks.size(); j++) {
            Json.objectAt(Json.objectIn(blocks, j), "toolResult").ifPresent(result -> results.add(new ToolResult(
                    Json.stringAt(result, "toolUseId").orElseThrow(Json::malformed),
                    resultText(Json.arrayAt(result, "content").orElse(JsonArray.EMPTY_JSON_ARRAY)))));
        }
        return results;
    }

    private static String resultText(JsonArray content) {
        List<String> parts = new ArrayList<>(content.size());
        for (int k = 0; k < content.size(); k++) {
            JsonObject block = Json.objectIn(content, k);
            Json.stringAt(block, "text").ifPresent(parts::add);
            Json.objectAt(block, "json").map(Json::text).ifPresent(parts::add);
        }
        return String.join("\n", parts);
    }

    /** Tool blocks need a toolConfig; each toolUse is answered in the next message, and each result answers one. */
    static void check(List<Turn> turns, boolean configured) {
        for (int i = 0; i < turns.size(); i++) {
            Turn turn = turns.get(i);
            if (!configured && (!turn.toolUses().isEmpty() || !turn.toolResults().isEmpty())) {
                throw PromptRules.invalid("The toolConfig field must be defined when using toolUse and toolResult "
                        + "content blocks.");
            }
            Set<String> asked = i > 0 ? ids(turns.get(i - 1).toolUses()) : Set.of();
            for (ToolResult result : turn.toolResults()) {
                if (!asked.remove(result.toolUseId())) {
                    throw PromptRules.invalid("messages." + i + ".content: unexpected `tool_use_id` found in "
                            + "`tool_result` blocks: " + result.toolUseId() + ". Each `tool_result` block must have "
                            + "a corresponding `tool_use` block in the previous message.");
                }
            }
            if (i > 0 && !asked.isEmpty()) {
                throw PromptRules.invalid("messages." + (i - 1) + ": `tool_use` ids were found without "
                        + "`tool_result` blocks immediately after: " + String.join(", ", asked)
                        + ". Each `tool_use` block must have a corresponding `tool_result` block in the next message.");
            }
        }
    }

    private static Set<String> ids(List<ToolUse> uses) {
        Set<String> ids = new HashSet<>();
        uses.forEach(use -> ids.add(use.id()));
        return ids;
    }
}
