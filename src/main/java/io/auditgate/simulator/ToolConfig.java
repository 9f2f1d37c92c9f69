package io.auditgate.simulator;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The tools a Converse request offers and how the model must choose among them.
 *
 * @param tools  the tools, at least one, each name once
 * @param choice auto (the model decides), any (some tool), or tool (the named one)
 * @param named  the tool toolChoice names, with {@code tool}
 */
record ToolConfig(List<Tool> tools, Choice choice, Optional<String> named) {

    enum Choice { AUTO, ANY, TOOL }

    /**
     * One offered tool.
     *
     * @param name        its name
     * @param inputSchema the JSON schema of its input
     */
    record Tool(String name, JsonObject inputSchema) {
        Tool {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(inputSchema, "inputSchema");
        }
    }

    ToolConfig {
        tools = List.copyOf(tools);
        Objects.requireNonNull(choice, "choice");
        Objects.requireNonNull(named, "named");
        if (tools.isEmpty() || (choice == Choice.TOOL) != named.isPresent()) {
            throw new IllegalArgumentException("tools must not be empty; only toolChoice tool names a tool");
        }
    }

    Optional<Tool> tool(String name) {
        return tools.stream().filter(tool -> tool.name().equals(name)).findFirst();
    }
}
