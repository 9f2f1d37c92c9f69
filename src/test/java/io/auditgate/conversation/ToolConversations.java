package io.auditgate.conversation;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A tool round trip as the neutral types hold it, for the tests of every feature that handles one. */
public final class ToolConversations {

    public static final String HAIKU = "anthropic.claude-3-haiku-20240307-v1:0";
    public static final String CALL_ID = "tooluse_abc123";

    private ToolConversations() {
    }

    public static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    public static ToolSpec weather(String description) {
        return new ToolSpec("get_weather", description,
                json("{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}"));
    }

    /** user asks, the assistant calls {@code get_weather} with {@code arguments}, the tool returns {@code result}. */
    public static ChatRequest roundTrip(String arguments, String result, Tools tools) {
        var call = new ToolCall(CALL_ID, "get_weather", json(arguments));
        var messages = List.of(new ChatMessage(Role.USER, "What is the weather? use tool get_weather"),
                new ChatMessage(Role.ASSISTANT, "I will use the get_weather tool.", List.of(call), List.of()),
                new ChatMessage(Role.USER, "", List.of(), List.of(new ToolResult(CALL_ID, result, false))));
        return new ChatRequest("r-tools", HAIKU, Optional.empty(), messages, new Inference(null, null, null, List.of()),
                Map.of(), false, List.of(), tools);
    }

    public static Tools offered(ToolSpec... specs) {
        return new Tools(List.of(specs), Tools.Choice.AUTO, Optional.empty());
    }
}
