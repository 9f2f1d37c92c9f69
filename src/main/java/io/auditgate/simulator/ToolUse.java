package io.auditgate.simulator;

import jakarta.json.JsonObject;
import java.util.Objects;

/**
 * A tool call: one the model makes, or one an assistant message in the history made.
 *
 * @param id    the toolUseId that its result must name
 * @param name  the tool's name
 * @param input the arguments, a JSON object
 */
record ToolUse(String id, String name, JsonObject input) {

    ToolUse {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(input, "input");
    }

    String inputJson() {
        return Json.text(input);
    }
}
