package io.auditgate.bedrock;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.LinkedHashMap;
import software.amazon.awssdk.core.SdkNumber;
import software.amazon.awssdk.core.document.Document;

/**
 * JSON values (tool inputs and input schemas, as the gateway holds them) as the SDK's {@link Document} and back,
 * member for member: objects keep their member order, numbers their exact decimal value (no detour through
 * {@code double}, so {@code 12345678901234567890} and {@code 0.1} arrive as written), and {@code true}, {@code false}
 * and {@code null} stay what they are.
 */
final class Documents {

    private static final JsonProvider JSON = JsonProvider.provider();

    private Documents() {
    }

    static Document of(JsonValue value) {
        return switch (value) {
            case JsonObject object -> {
                var members = new LinkedHashMap<String, Document>();
                object.forEach((name, member) -> members.put(name, of(member)));
                yield Document.fromMap(members);
            }
            case JsonArray array -> Document.fromList(array.stream().map(Documents::of).toList());
            case JsonString string -> Document.fromString(string.getString());
            case JsonNumber number -> Document.fromNumber(SdkNumber.fromBigDecimal(number.bigDecimalValue()));
            default -> value == JsonValue.TRUE ? Document.fromBoolean(true)
                    : value == JsonValue.FALSE ? Document.fromBoolean(false) : Document.fromNull();
        };
    }

    static JsonValue json(Document document) {
        if (document == null || document.isNull()) {
            return JsonValue.NULL;
        }
        if (document.isMap()) {
            var builder = JSON.createObjectBuilder();
            document.asMap().forEach((name, member) -> builder.add(name, json(member)));
            return builder.build();
        }
        if (document.isList()) {
            var builder = JSON.createArrayBuilder();
            document.asList().forEach(item -> builder.add(json(item)));
            return builder.build();
        }
        if (document.isString()) {
            return JSON.createValue(document.asString());
        }
        if (document.isNumber()) {
            return JSON.createValue(document.asNumber().bigDecimalValue());
        }
        return document.asBoolean() ? JsonValue.TRUE : JsonValue.FALSE;
    }

    /** A JSON object from its text (a streamed tool input); anything else fails. */
    static JsonObject parse(String json) {
        try (var reader = JSON.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    /** A tool's input: an object, as Bedrock sends it; anything else (never seen) is kept under {@code "value"}. */
    static JsonObject input(Document document) {
        var json = json(document);
        return json instanceof JsonObject object ? object : JSON.createObjectBuilder().add("value", json).build();
    }
}
