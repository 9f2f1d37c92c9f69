package io.auditgate.invoke;

import io.auditgate.conversation.ChatMessage;
import io.auditgate.conversation.Role;
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
import java.util.Set;

/**
 * Reads the conversation: either {@code prompt} (one user message) or {@code messages}, never both (an empty
 * {@code messages} array next to a prompt counts as absent, as generated clients send one), plus an
 * optional {@code system}. Messages alternate user/assistant, start and end with the user, and are not blank;
 * all text together stays under {@code invoke.max-prompt-chars}.
 */
@ApplicationScoped
public class Conversations {

    private static final Set<String> MESSAGE_FIELDS = Set.of("role", "content");

    @Inject
    TextLimits limits;

    record Conversation(Optional<String> system, List<ChatMessage> messages) {
    }

    Conversation read(JsonObject json, JsonFields fields) {
        var system = fields.string(json, "system", "system", limits.maxPromptChars());
        system.filter(String::isBlank).ifPresent(s -> fields.reject("system", "must not be blank"));
        var hasPrompt = json.containsKey("prompt") && json.get("prompt") != JsonValue.NULL;
        // generated clients send "messages": [] next to a prompt: an empty list then means "no messages"
        var hasMessages = json.containsKey("messages") && json.get("messages") != JsonValue.NULL
                && !(hasPrompt && json.get("messages") instanceof JsonArray a && a.isEmpty());
        List<ChatMessage> messages = List.of();
        if (hasPrompt && hasMessages) {
            fields.reject("prompt", "send either prompt or messages, not both");
        } else if (hasPrompt) {
            messages = fields.string(json, "prompt", "prompt", limits.maxPromptChars())
                    .filter(p -> nonBlank(p, "prompt", fields))
                    .map(p -> List.of(new ChatMessage(Role.USER, p))).orElse(List.of());
        } else if (hasMessages) {
            messages = messages(json.get("messages"), fields);
        } else {
            fields.reject("prompt", "a prompt or messages is required");
        }
        var total = system.map(String::length).orElse(0) + messages.stream().mapToInt(m -> m.content().length()).sum();
        if (total > limits.maxPromptChars()) {
            fields.reject("messages", "all text together must be at most " + limits.maxPromptChars() + " characters");
        }
        return new Conversation(system.filter(s -> !s.isBlank()), messages);
    }

    private List<ChatMessage> messages(JsonValue value, JsonFields fields) {
        if (!(value instanceof JsonArray array) || array.isEmpty() || array.size() > limits.maxMessages()) {
            fields.reject("messages", "must be an array of 1 to " + limits.maxMessages() + " messages");
            return List.of();
        }
        var messages = new ArrayList<ChatMessage>();
        for (int i = 0; i < array.size(); i++) {
            message(array.get(i), "messages[" + i + "]", fields).ifPresent(messages::add);
        }
        if (messages.size() == array.size()) {
            checkOrder(messages, fields);
        }
        return messages;
    }

    private Optional<ChatMessage> message(JsonValue value, String field, JsonFields fields) {
        if (!(value instanceof JsonObject object)) {
            fields.reject(field, "must be an object with role and content");
            return Optional.empty();
        }
        fields.rejectUnknown(object, MESSAGE_FIELDS, field + ".");
        var role = object.get("role") instanceof JsonString s ? Role.parse(s.getString()) : Optional.<Role>empty();
        if (role.isEmpty()) {
            fields.reject(field + ".role", "must be \"user\" or \"assistant\"");
        }
        var content = object.get("content") instanceof JsonString
                ? fields.string(object, "content", field + ".content", limits.maxPromptChars()).filter(c -> nonBlank(c, field + ".content", fields))
                : Optional.<String>empty();
        if (!(object.get("content") instanceof JsonString)) {
            fields.reject(field + ".content", "is required and must be a string");
        }
        return role.isPresent() && content.isPresent() ? Optional.of(new ChatMessage(role.get(), content.get())) : Optional.empty();
    }

    private static void checkOrder(List<ChatMessage> messages, JsonFields fields) {
        for (int i = 0; i < messages.size(); i++) {
            var expected = i % 2 == 0 ? Role.USER : Role.ASSISTANT;
            if (messages.get(i).role() != expected) {
                fields.reject("messages[" + i + "].role", "messages must alternate, starting with \"user\"");
                return;
            }
        }
        if (messages.get(messages.size() - 1).role() != Role.USER) {
            fields.reject("messages", "the last message must be from the user");
        }
    }

    private static boolean nonBlank(String text, String field, JsonFields fields) {
        if (text.isBlank()) {
            fields.reject(field, "must not be empty or blank");
            return false;
        }
        return true;
    }
}
