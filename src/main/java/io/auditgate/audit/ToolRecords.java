package io.auditgate.audit;

import io.auditgate.conversation.ChatMessage;
import io.auditgate.conversation.ToolCall;
import io.auditgate.conversation.Tools;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.util.List;
import java.util.Locale;

/**
 * Tool use in the audit record, from the masked views only: the tool names offered and the choice, each tool call
 * (id, name, arguments as JSON text) and each tool result (the call it answers, text, error). A tool call's arguments
 * and a result's text are bounded to {@link #MAX_TEXT} characters each (a tool may return a whole web page; the
 * record keeps its start and says it was cut), so what a client sends cannot grow a record without limit.
 */
final class ToolRecords {

    static final int MAX_TEXT = 16_384;
    static final String CUT = " [cut]";
    private static final JsonProvider JSON = JsonProvider.provider();

    private ToolRecords() {
    }

    static void offered(Tools tools, JsonObjectBuilder request) {
        var names = JSON.createArrayBuilder();
        tools.names().forEach(names::add);
        var choice = JSON.createObjectBuilder().add("type", tools.choice().name().toLowerCase(Locale.ROOT));
        tools.forced().ifPresent(name -> choice.add("name", name));
        request.add("tools", names).add("tool_choice", choice);
    }

    static JsonObjectBuilder message(ChatMessage message) {
        var json = JSON.createObjectBuilder().add("role", message.role().wire()).add("content", message.content());
        if (!message.toolCalls().isEmpty()) {
            json.add("tool_calls", calls(message.toolCalls()));
        }
        if (!message.toolResults().isEmpty()) {
            var results = JSON.createArrayBuilder();
            message.toolResults().forEach(r -> results.add(JSON.createObjectBuilder()
                    .add("tool_call_id", r.toolCallId()).add("content", bounded(r.content())).add("error", r.error())));
            json.add("tool_results", results);
        }
        if (!message.images().isEmpty()) {
            json.add("images", ImageRecords.of(message.images()));
        }
        return json;
    }

    static JsonArrayBuilder calls(List<ToolCall> calls) {
        var json = JSON.createArrayBuilder();
        calls.forEach(call -> json.add(JSON.createObjectBuilder().add("id", call.id()).add("name", call.name())
                .add("arguments", bounded(call.input().toString()))));
        return json;
    }

    /** At most {@link #MAX_TEXT} characters of {@code text}, never cutting a surrogate pair in two. */
    static String bounded(String text) {
        if (text.length() <= MAX_TEXT) {
            return text;
        }
        var end = Character.isLowSurrogate(text.charAt(MAX_TEXT)) ? MAX_TEXT - 1 : MAX_TEXT;
        return text.substring(0, end) + CUT;
    }
}
