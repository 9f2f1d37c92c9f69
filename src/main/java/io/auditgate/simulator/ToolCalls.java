package io.auditgate.simulator;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When the simulated model calls a tool, with what input, and what it says once the tool has answered. The rule is
 * deterministic: with tools offered and no tool result in the last user message, toolChoice {@code tool} calls the
 * named tool; otherwise a last user text containing "use tool NAME" (NAME offered) calls NAME; otherwise
 * toolChoice {@code any} calls the first tool and {@code auto} answers with text.
 */
final class ToolCalls {

    private static final Pattern DIRECTIVE = Pattern.compile("(?i)\\buse tool ([a-z0-9_-]+)");
    private static final String ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private ToolCalls() {
    }

    /** The tool call the model makes, if it makes one. */
    static Optional<ToolUse> call(Prompt prompt, AnswerScript script, int hash) {
        if (prompt.tools().isEmpty() || !prompt.lastUserTurn().toolResults().isEmpty()) {
            return Optional.empty();
        }
        ToolConfig config = prompt.tools().get();
        Optional<ToolConfig.Tool> tool = switch (config.choice()) {
            case TOOL -> config.tool(config.named().orElseThrow());
            case ANY -> directed(config, prompt).or(() -> Optional.of(config.tools().get(0)));
            case AUTO -> directed(config, prompt);
        };
        return tool.map(chosen -> new ToolUse(id(hash), chosen.name(),
                script.toolInput().orElseGet(() -> input(chosen, prompt.lastUserText()))));
    }

    /** Claude writes a sentence before a tool call it chose itself; a forced call (any, tool) comes alone. */
    static String preamble(Prompt prompt, ToolUse use) {
        boolean chosen = prompt.tools().map(config -> config.choice() == ToolConfig.Choice.AUTO).orElse(false);
        return chosen ? "I will use the " + use.name() + " tool." : "";
    }

    /** The answer after tool results: every result's text, echoed with the name of the tool that gave it. */
    static Optional<String> resultAnswer(Model model, Prompt prompt) {
        Turn last = prompt.lastUserTurn();
        if (last.toolResults().isEmpty()) {
            return Optional.empty();
        }
        int at = prompt.turns().lastIndexOf(last);
        List<ToolUse> asked = at > 0 ? prompt.turns().get(at - 1).toolUses() : List.of();
        List<String> parts = new ArrayList<>();
        for (ToolResult result : last.toolResults()) {
            String name = asked.stream().filter(use -> use.id().equals(result.toolUseId()))
                    .map(ToolUse::name).findFirst().orElse("tool");
            parts.add("The tool " + name + " returned: " + result.text());
        }
        return Optional.of("Simulated answer from " + model.requestedId() + ": " + String.join(" ", parts));
    }

    private static Optional<ToolConfig.Tool> directed(ToolConfig config, Prompt prompt) {
        Matcher matcher = DIRECTIVE.matcher(prompt.lastUserText());
        while (matcher.find()) {
            Optional<ToolConfig.Tool> tool = config.tool(matcher.group(1));
            if (tool.isPresent()) {
                return tool;
            }
        }
        return Optional.empty();
    }

    /** One member: the schema's first string property (else "query"), holding the last user text. */
    private static JsonObject input(ToolConfig.Tool tool, String text) {
        String property = Json.objectAt(tool.inputSchema(), "properties").flatMap(properties -> properties
                .entrySet().stream()
                .filter(entry -> entry.getValue().getValueType() == JsonValue.ValueType.OBJECT
                        && "string".equals(Json.stringAt(entry.getValue().asJsonObject(), "type").orElse("")))
                .map(entry -> entry.getKey()).findFirst()).orElse("query");
        return Json.object().add(property, text).build();
    }

    /** "tooluse_" and 22 letters or digits, as the service's ids look; derived from the prompt, so stable. */
    private static String id(int hash) {
        var id = new StringBuilder("tooluse_");
        long state = hash & 0xFFFFFFFFL;
        for (int i = 0; i < 22; i++) {
            state = state * 6364136223846793005L + 1442695040888963407L;
            id.append(ID_ALPHABET.charAt((int) ((state >>> 33) % ID_ALPHABET.length())));
        }
        return id.toString();
    }
}
