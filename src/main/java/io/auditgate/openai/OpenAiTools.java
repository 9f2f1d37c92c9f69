package io.auditgate.openai;

import io.auditgate.conversation.ToolSpec;
import io.auditgate.conversation.Tools;
import io.auditgate.http.JsonFields;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * OpenAI's {@code tools} and {@code tool_choice} as the neutral {@link Tools}: each {@code {"type": "function",
 * "function": {name, description, parameters}}} is a tool whose input schema is {@code parameters} as sent (an empty
 * object schema when absent; {@code strict} is not applied: Bedrock has no such switch). {@code tool_choice}
 * {@code auto}, {@code required} and {@code {"type": "function", "function": {"name"}}} become auto, any and that tool;
 * {@code none} is refused (400, {@code param} {@code tool_choice}) rather than silently answered without tools, since
 * Bedrock cannot forbid a call while tools are offered. At most {@link #MAX_TOOLS} tools, as OpenAI allows.
 */
final class OpenAiTools {

    static final int MAX_TOOLS = 128;
    /** Bedrock's and OpenAI's rule for tool names (and the tool-call ids the gateway passes on). */
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final JsonProvider JSON = JsonProvider.provider();
    private static final JsonObject EMPTY_SCHEMA = JSON.createObjectBuilder().add("type", "object")
            .add("properties", JsonValue.EMPTY_JSON_OBJECT).build();

    private OpenAiTools() {
    }

    static Tools read(JsonObject json, int maxChars, JsonFields fields) {
        var specs = specs(json.get("tools"), maxChars, fields);
        var choice = json.get("tool_choice");
        if (choice == null || choice == JsonValue.NULL || specs.isEmpty()) {
            if (choice != null && choice != JsonValue.NULL && !isString(choice, "auto") && !isString(choice, "none")) {
                fields.reject("tool_choice", "needs tools: no tools are offered");
            }
            return specs.isEmpty() ? Tools.NONE : new Tools(specs, Tools.Choice.AUTO, Optional.empty());
        }
        if (isString(choice, "auto")) {
            return new Tools(specs, Tools.Choice.AUTO, Optional.empty());
        }
        if (isString(choice, "required")) {
            return new Tools(specs, Tools.Choice.ANY, Optional.empty());
        }
        if (isString(choice, "none")) {
            fields.reject("tool_choice", "\"none\" is not supported: send no tools to get an answer without tool calls");
            return Tools.NONE;
        }
        return forced(choice, specs, fields);
    }

    private static Tools forced(JsonValue choice, List<ToolSpec> specs, JsonFields fields) {
        var name = choice instanceof JsonObject o && isString(o.get("type"), "function")
                && o.get("function") instanceof JsonObject f && f.get("name") instanceof JsonString n ? n.getString() : null;
        if (name == null) {
            fields.reject("tool_choice", "must be \"auto\", \"required\" or {\"type\": \"function\", "
                    + "\"function\": {\"name\": ...}}");
            return Tools.NONE;
        }
        if (specs.stream().noneMatch(spec -> spec.name().equals(name))) {
            fields.reject("tool_choice.function.name", "must name one of the tools offered");
            return Tools.NONE;
        }
        return new Tools(specs, Tools.Choice.TOOL, Optional.of(name));
    }

    private static List<ToolSpec> specs(JsonValue value, int maxChars, JsonFields fields) {
        if (value == null || value == JsonValue.NULL) {
            return List.of();
        }
        if (!(value instanceof JsonArray array) || array.size() > MAX_TOOLS) {
            fields.reject("tools", "must be an array of at most " + MAX_TOOLS + " tools");
            return List.of();
        }
        var specs = new ArrayList<ToolSpec>();
        var names = new HashSet<String>();
        for (int i = 0; i < array.size(); i++) {
            var field = "tools[" + i + "]";
            spec(array.get(i), field, maxChars, fields).ifPresent(spec -> {
                if (names.add(spec.name())) {
                    specs.add(spec);
                } else {
                    fields.reject(field + ".function.name", "names a tool twice");
                }
            });
        }
        return specs;
    }

    private static Optional<ToolSpec> spec(JsonValue value, String field, int maxChars, JsonFields fields) {
        if (!(value instanceof JsonObject tool) || !isString(tool.get("type"), "function")
                || !(tool.get("function") instanceof JsonObject function)) {
            fields.reject(field, "must be {\"type\": \"function\", \"function\": {...}}");
            return Optional.empty();
        }
        var name = function.get("name") instanceof JsonString s && NAME.matcher(s.getString()).matches()
                ? s.getString() : null;
        if (name == null) {
            fields.reject(field + ".function.name", "must be 1 to 64 letters, digits, _ or -");
        }
        var description = fields.string(function, "description", field + ".function.description", maxChars);
        var parameters = function.get("parameters");
        if (parameters != null && parameters != JsonValue.NULL && !(parameters instanceof JsonObject)) {
            fields.reject(field + ".function.parameters", "must be a JSON schema object");
            return Optional.empty();
        }
        var schema = parameters instanceof JsonObject o ? o : EMPTY_SCHEMA;
        return name == null ? Optional.empty() : Optional.of(new ToolSpec(name, description.orElse(""), schema));
    }

    private static boolean isString(JsonValue value, String expected) {
        return value instanceof JsonString s && s.getString().equals(expected);
    }
}
