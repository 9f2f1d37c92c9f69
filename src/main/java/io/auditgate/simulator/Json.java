package io.auditgate.simulator;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriterFactory;
import jakarta.json.spi.JsonProvider;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * JSON-P factories looked up once (a provider look-up per request would dominate the cost of a reply) and typed
 * accessors that turn a wrong shape into a {@link BedrockFailure} instead of a ClassCastException.
 */
final class Json {

    private static final JsonProvider PROVIDER = JsonProvider.provider();
    private static final JsonReaderFactory READERS = PROVIDER.createReaderFactory(Map.of());
    private static final JsonWriterFactory WRITERS = PROVIDER.createWriterFactory(Map.of());
    private static final JsonBuilderFactory BUILDERS = PROVIDER.createBuilderFactory(Map.of());

    private Json() {
    }

    static JsonObjectBuilder object() {
        return BUILDERS.createObjectBuilder();
    }

    static JsonArrayBuilder array() {
        return BUILDERS.createArrayBuilder();
    }

    /** Parses a request body that must be one JSON object; anything else is the service's "malformed" error. */
    static JsonObject parse(byte[] body) {
        try (var reader = READERS.createReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8)) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw malformed();
        }
    }

    static JsonValue string(String value) {
        return PROVIDER.createValue(value);
    }

    static byte[] bytes(JsonObject object) {
        var out = new ByteArrayOutputStream(256);
        try (var writer = WRITERS.createWriter(out, StandardCharsets.UTF_8)) {
            writer.write(object);
        }
        return out.toByteArray();
    }

    static String text(JsonObject object) {
        return new String(bytes(object), StandardCharsets.UTF_8);
    }

    static Optional<JsonArray> arrayAt(JsonObject parent, String key) {
        return member(parent, key, JsonValue.ValueType.ARRAY).map(JsonValue::asJsonArray);
    }

    static Optional<JsonObject> objectAt(JsonObject parent, String key) {
        return member(parent, key, JsonValue.ValueType.OBJECT).map(JsonValue::asJsonObject);
    }

    static Optional<String> stringAt(JsonObject parent, String key) {
        return member(parent, key, JsonValue.ValueType.STRING).map(v -> ((JsonString) v).getString());
    }

    static Optional<Long> longAt(JsonObject parent, String key) {
        return member(parent, key, JsonValue.ValueType.NUMBER).map(v -> ((JsonNumber) v).longValue());
    }

    static Optional<Double> doubleAt(JsonObject parent, String key) {
        return member(parent, key, JsonValue.ValueType.NUMBER).map(v -> ((JsonNumber) v).doubleValue());
    }

    static JsonObject objectIn(JsonArray array, int index) {
        var value = array.get(index);
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw malformed();
        }
        return value.asJsonObject();
    }

    static String stringIn(JsonArray array, int index) {
        var value = array.get(index);
        if (value.getValueType() != JsonValue.ValueType.STRING) {
            throw malformed();
        }
        return ((JsonString) value).getString();
    }

    private static Optional<JsonValue> member(JsonObject parent, String key, JsonValue.ValueType type) {
        var value = parent.get(key);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return Optional.empty();
        }
        if (value.getValueType() != type) {
            throw malformed();
        }
        return Optional.of(value);
    }

    static BedrockFailure malformed() {
        return new BedrockFailure(BedrockError.VALIDATION,
                "Malformed input request, please reformat your input and try again.");
    }
}
