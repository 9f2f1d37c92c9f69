package io.auditgate.openai;

import io.auditgate.conversation.ChatMessage;
import io.auditgate.conversation.Image;
import io.auditgate.conversation.Role;
import io.auditgate.conversation.ToolCall;
import io.auditgate.conversation.ToolResult;
import io.auditgate.http.JsonFields;
import io.auditgate.http.TextLimits;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * OpenAI's {@code messages} as the neutral conversation: {@code system} and {@code developer} messages become the
 * system text (in their order, joined by a blank line, wherever they stand); {@code user} and {@code assistant}
 * messages the turns, consecutive ones of the same role merged (joined by a blank line) as Bedrock requires. Content
 * is a string or an array of {@code text} parts (joined by a newline). The turns start and end with the user, no
 * message is blank, and the limits are {@code /invoke}'s ({@code invoke.max-messages}, {@code invoke.max-prompt-chars}).
 * An assistant message's {@code tool_calls} and {@code tool} messages are read by {@link ToolMessages}: a tool message
 * is a tool result in a user turn (consecutive ones merged into one turn, as Bedrock requires). A user message may
 * show images ({@link ImageParts}; at most {@value ImageParts#MAX_IMAGES} in all, Bedrock's limit); whether its
 * tenant allows them is the core's check. Other content parts and the legacy {@code function} role are unsupported.
 */
@ApplicationScoped
public class OpenAiMessages {

    @Inject
    TextLimits limits;

    record Conversation(Optional<String> system, List<ChatMessage> messages) {
    }

    /** One message read: its role ({@code null} for a system or developer message), text, tool use and images. */
    private record Read(Role role, String text, List<ToolCall> calls, List<ToolResult> results, List<Image> images) {
        Read(Role role, String text) {
            this(role, text, List.of(), List.of(), List.of());
        }

        Read(Role role, String text, List<ToolCall> calls, List<ToolResult> results) {
            this(role, text, calls, results, List.of());
        }
    }

    Conversation read(JsonValue value, JsonFields fields) {
        if (!(value instanceof JsonArray array) || array.isEmpty() || array.size() > limits.maxMessages()) {
            fields.reject("messages", "must be an array of 1 to " + limits.maxMessages() + " messages");
            return new Conversation(Optional.empty(), List.of());
        }
        var system = new ArrayList<String>();
        var turns = new ArrayList<ChatMessage>();
        for (int i = 0; i < array.size(); i++) {
            message(array.get(i), "messages[" + i + "]", fields).ifPresent(read -> {
                if (read.role() == null) {
                    system.add(read.text());
                } else {
                    merge(turns, read);
                }
            });
        }
        var total = system.stream().mapToInt(String::length).sum() + turns.stream().mapToInt(ChatMessage::length).sum();
        if (turns.stream().mapToInt(turn -> turn.images().size()).sum() > ImageParts.MAX_IMAGES) {
            fields.reject("messages", "must show at most " + ImageParts.MAX_IMAGES + " images (Bedrock's limit)");
        } else if (total > limits.maxPromptChars()) {
            fields.reject("messages", "all text together must be at most " + limits.maxPromptChars() + " characters");
        } else if (!fields.hasErrors()) {
            checkOrder(turns, fields);
            ToolMessages.checkPairs(turns, fields);
        }
        return new Conversation(system.isEmpty() ? Optional.empty() : Optional.of(String.join("\n\n", system)), turns);
    }

    private Optional<Read> message(JsonValue value, String field, JsonFields fields) {
        if (!(value instanceof JsonObject object)) {
            fields.reject(field, "must be an object with role and content");
            return Optional.empty();
        }
        var role = object.get("role") instanceof JsonString s ? s.getString() : "";
        if (role.equals("function") || present(object, "function_call")) {
            fields.reject(field + (role.equals("function") ? ".role" : ".function_call"), Unsupported.LEGACY);
            return Optional.empty();
        }
        var parsed = switch (role) {
            case "system", "developer" -> Optional.<Role>empty();
            case "user", "tool" -> Optional.of(Role.USER);
            case "assistant" -> Optional.of(Role.ASSISTANT);
            default -> null;
        };
        if (parsed == null) {
            fields.reject(field + ".role", "must be \"system\", \"developer\", \"user\", \"assistant\" or \"tool\"");
            return Optional.empty();
        }
        if (role.equals("tool")) {
            return ToolMessages.result(object, field, limits.maxPromptChars(), fields)
                    .map(result -> new Read(Role.USER, "", List.of(), List.of(result)));
        }
        if (role.equals("assistant")) {
            return assistant(object, field, fields);
        }
        if (role.equals("user")) {
            return MessageContent.read(object.get("content"), field + ".content", limits.maxPromptChars(), true, fields)
                    .map(content -> new Read(Role.USER, content.text(), List.of(), List.of(), content.images()));
        }
        return MessageContent.text(object.get("content"), field + ".content", limits.maxPromptChars(), fields)
                .map(text -> new Read(null, text));
    }

    /** An assistant message: its text, which may be absent or empty when it calls tools. */
    private Optional<Read> assistant(JsonObject object, String field, JsonFields fields) {
        var calls = ToolMessages.calls(object.get("tool_calls"), field + ".tool_calls", limits.maxPromptChars(), fields);
        var content = object.get("content");
        if (!calls.isEmpty() && (content == null || content == JsonValue.NULL
                || content instanceof JsonString s && s.getString().isEmpty())) {
            return Optional.of(new Read(Role.ASSISTANT, "", calls, List.of()));
        }
        return MessageContent.text(content, field + ".content", limits.maxPromptChars(), fields)
                .map(text -> new Read(Role.ASSISTANT, text, calls, List.of()));
    }

    private static void merge(List<ChatMessage> turns, Read read) {
        var last = turns.isEmpty() ? null : turns.get(turns.size() - 1);
        if (last != null && last.role() == read.role()) {
            var text = last.content().isEmpty() ? read.text()
                    : read.text().isEmpty() ? last.content() : last.content() + "\n\n" + read.text();
            turns.set(turns.size() - 1, new ChatMessage(read.role(), text, concat(last.toolCalls(), read.calls()),
                    concat(last.toolResults(), read.results()), concat(last.images(), read.images())));
        } else {
            turns.add(new ChatMessage(read.role(), read.text(), read.calls(), read.results(), read.images()));
        }
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        var all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private static void checkOrder(List<ChatMessage> turns, JsonFields fields) {
        if (turns.isEmpty()) {
            fields.reject("messages", "at least one user message is required");
        } else if (turns.get(0).role() != Role.USER) {
            fields.reject("messages", "the first message after system and developer messages must be from the user");
        } else if (turns.get(turns.size() - 1).role() != Role.USER) {
            fields.reject("messages", "the last message must be from the user");
        }
    }

    private static boolean present(JsonObject object, String name) {
        return object.containsKey(name) && object.get(name) != JsonValue.NULL;
    }
}
