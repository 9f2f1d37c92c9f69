package io.auditgate.openai;

import io.auditgate.http.JsonFields;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Optional;

/**
 * A message's {@code content}: a string, or an array of {@code {"type": "text", "text": ...}} parts joined by a
 * newline. Not blank, well-formed text (no NUL, no unpaired surrogate). {@code image_url} parts are refused as pending
 * (images come with tool use), any other part type ({@code input_audio}, {@code file}, ...) as unsupported.
 */
final class MessageContent {

    private MessageContent() {
    }

    static Optional<String> text(JsonValue content, String field, int maxChars, JsonFields fields) {
        Optional<String> text;
        if (content instanceof JsonString s) {
            text = fields.checkedText(s.getString(), field, maxChars);
        } else if (content instanceof JsonArray parts && !parts.isEmpty()) {
            text = parts(parts, field, maxChars, fields);
        } else {
            fields.reject(field, "is required: a string or an array of text parts");
            return Optional.empty();
        }
        if (text.isPresent() && text.get().isBlank()) {
            fields.reject(field, "must not be empty or blank");
            return Optional.empty();
        }
        return text;
    }

    private static Optional<String> parts(JsonArray parts, String field, int maxChars, JsonFields fields) {
        var texts = new ArrayList<String>();
        var complete = true;
        for (int i = 0; i < parts.size(); i++) {
            var part = field + "[" + i + "]";
            var type = parts.get(i) instanceof JsonObject o && o.get("type") instanceof JsonString s ? s.getString() : null;
            if ("text".equals(type) && ((JsonObject) parts.get(i)).get("text") instanceof JsonString t) {
                complete &= fields.checkedText(t.getString(), part + ".text", maxChars).map(texts::add).orElse(false);
            } else if ("text".equals(type)) {
                complete = false;
                fields.reject(part + ".text", "must be a string");
            } else {
                complete = false;
                fields.reject(part + ".type", "image_url".equals(type) ? "image_url " + Unsupported.PENDING
                        : "must be \"text\": only text parts are supported");
            }
        }
        return complete ? Optional.of(String.join("\n", texts)) : Optional.empty();
    }
}
