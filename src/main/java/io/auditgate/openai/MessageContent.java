package io.auditgate.openai;

import io.auditgate.conversation.Image;
import io.auditgate.http.JsonFields;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A message's {@code content}: a string, or an array of {@code {"type": "text", "text": ...}} parts joined by a
 * newline and, in a user message only, {@code image_url} parts ({@link ImageParts}). Well-formed text (no NUL, no
 * unpaired surrogate); not blank unless the message shows an image. Any other part type ({@code input_audio},
 * {@code file}, ...) is refused as unsupported.
 */
final class MessageContent {

    /** The content read: the text parts joined, and the images in their order. */
    record Content(String text, List<Image> images) {
        Content {
            images = List.copyOf(images);
        }
    }

    private MessageContent() {
    }

    /** Text only: the content of a system, developer, assistant or tool message. */
    static Optional<String> text(JsonValue content, String field, int maxChars, JsonFields fields) {
        return read(content, field, maxChars, false, fields).map(Content::text);
    }

    /** A user message's content, which may show images. */
    static Optional<Content> read(JsonValue content, String field, int maxChars, boolean images, JsonFields fields) {
        Optional<Content> read;
        if (content instanceof JsonString s) {
            read = fields.checkedText(s.getString(), field, maxChars).map(text -> new Content(text, List.of()));
        } else if (content instanceof JsonArray parts && !parts.isEmpty()) {
            read = parts(parts, field, maxChars, images, fields);
        } else {
            fields.reject(field, "is required: a string or an array of text parts");
            return Optional.empty();
        }
        if (read.isPresent() && read.get().text().isBlank() && read.get().images().isEmpty()) {
            fields.reject(field, "must not be empty or blank");
            return Optional.empty();
        }
        return read;
    }

    private static Optional<Content> parts(JsonArray parts, String field, int maxChars, boolean images,
                                           JsonFields fields) {
        var texts = new ArrayList<String>();
        var shown = new ArrayList<Image>();
        var complete = true;
        for (int i = 0; i < parts.size(); i++) {
            var part = field + "[" + i + "]";
            var object = parts.get(i) instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT;
            var type = object.get("type") instanceof JsonString s ? s.getString() : null;
            if ("text".equals(type) && object.get("text") instanceof JsonString t) {
                complete &= fields.checkedText(t.getString(), part + ".text", maxChars).map(texts::add).orElse(false);
            } else if ("text".equals(type)) {
                complete = false;
                fields.reject(part + ".text", "must be a string");
            } else if ("image_url".equals(type) && images) {
                complete &= ImageParts.read(object, part, fields).map(shown::add).orElse(false);
            } else {
                complete = false;
                fields.reject(part + ".type", "image_url".equals(type) ? "image_url is accepted in user messages only"
                        : "must be \"text\"" + (images ? " or \"image_url\"" : "") + ": other parts are not supported");
            }
        }
        return complete ? Optional.of(new Content(String.join("\n", texts), shown)) : Optional.empty();
    }
}
