package io.auditgate.guardrail;

import io.auditgate.conversation.ChatMessage;
import io.auditgate.conversation.ChatRequest;
import io.auditgate.conversation.ToolCall;
import io.auditgate.conversation.ToolResult;
import io.auditgate.conversation.ToolSpec;
import io.auditgate.conversation.Tools;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * Every text of a request that the model reads, in the order it reads them: the system prompt, each offered tool's
 * description, then turn by turn the tool results, the text and the tool calls' arguments ({@link JsonStrings}). The
 * request is rebuilt from their screened forms in the same order, so no text can reach the model unscreened by
 * being forgotten here: a text not listed would not be rebuilt either. Tool names (checked to be identifiers by the
 * endpoint), ids and input schemas are structure, passed on as they are. Images are passed on unscreened: no text
 * detector reads pixels, and the tenant policy that lets images in says so ({@code docs/tenants.md}).
 */
final class PromptTexts {

    /** The conversation rebuilt from screened texts. */
    record Rebuilt(Optional<String> system, Tools tools, List<ChatMessage> messages) {
    }

    private PromptTexts() {
    }

    static List<String> of(ChatRequest request) {
        var texts = new ArrayList<String>();
        request.system().ifPresent(texts::add);
        request.tools().specs().forEach(spec -> texts.add(spec.description()));
        for (var message : request.messages()) {
            message.toolResults().forEach(result -> texts.add(result.content()));
            texts.add(message.content());
            message.toolCalls().forEach(call -> texts.addAll(JsonStrings.of(call.input())));
        }
        return texts;
    }

    /** {@code request} with each text replaced by the next of {@code screened}, in the order {@link #of} lists them. */
    static Rebuilt rebuild(ChatRequest request, Iterator<String> screened) {
        var system = request.system().map(s -> screened.next());
        var specs = request.tools().specs().stream()
                .map(spec -> new ToolSpec(spec.name(), screened.next(), spec.inputSchema())).toList();
        var tools = new Tools(specs, request.tools().choice(), request.tools().forced());
        var messages = new ArrayList<ChatMessage>();
        for (var message : request.messages()) {
            var results = message.toolResults().stream()
                    .map(r -> new ToolResult(r.toolCallId(), screened.next(), r.error())).toList();
            var content = screened.next();
            var calls = message.toolCalls().stream().map(call -> call(call, screened)).toList();
            messages.add(new ChatMessage(message.role(), content, calls, results, message.images()));
        }
        if (screened.hasNext()) {
            throw new IllegalStateException("a screened text was not placed back");
        }
        return new Rebuilt(system, tools, messages);
    }

    static ToolCall call(ToolCall call, Iterator<String> screened) {
        return new ToolCall(call.id(), call.name(), (JsonObject) JsonStrings.replaced(call.input(), screened));
    }
}
