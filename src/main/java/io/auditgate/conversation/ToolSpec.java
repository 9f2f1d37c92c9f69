package io.auditgate.conversation;

import jakarta.json.JsonObject;
import java.util.Objects;

/**
 * A tool offered to the model: its name, what it is for (read by the model, so screened like a system prompt) and the
 * JSON schema of its input, passed on as the client wrote it.
 */
public record ToolSpec(String name, String description, JsonObject inputSchema) {
    public ToolSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(inputSchema, "inputSchema");
    }
}
