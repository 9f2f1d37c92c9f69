package io.auditgate.audit.chain;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/** One JSON-P provider, looked up once, and the few readers the audit formats need. */
final class Json {

    static final JsonProvider PROVIDER = JsonProvider.provider();

    private Json() {
    }

    static JsonObjectBuilder object() {
        return PROVIDER.createObjectBuilder();
    }

    static JsonObjectBuilder copy(JsonObject object) {
        return PROVIDER.createObjectBuilder(object);
    }

    /** Parses one JSON object; malformed input or another type fails with {@link IllegalArgumentException}. */
    static JsonObject parse(String text) {
        try (var reader = PROVIDER.createReader(new StringReader(text))) {
            return reader.readObject();
        } catch (JsonException | ClassCastException e) {
            throw new IllegalArgumentException("not a JSON object: " + e.getMessage(), e);
        }
    }

    static JsonObject parse(byte[] utf8) {
        try (var reader = PROVIDER.createReader(new ByteArrayInputStream(utf8))) {
            return reader.readObject();
        } catch (JsonException | ClassCastException e) {
            throw new IllegalArgumentException("not a JSON object: " + e.getMessage(), e);
        }
    }

    static String string(JsonObject object, String name) {
        var value = object.get(name);
        if (value == null || value.getValueType() != JsonValue.ValueType.STRING) {
            throw new IllegalArgumentException("missing string member " + name);
        }
        return object.getString(name);
    }

    static long number(JsonObject object, String name) {
        var value = object.get(name);
        if (value == null || value.getValueType() != JsonValue.ValueType.NUMBER) {
            throw new IllegalArgumentException("missing number member " + name);
        }
        return object.getJsonNumber(name).longValueExact();
    }

    static JsonObject member(JsonObject object, String name) {
        var value = object.get(name);
        if (value == null || value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new IllegalArgumentException("missing object member " + name);
        }
        return value.asJsonObject();
    }

    static List<JsonObject> objects(JsonObject object, String name) {
        var value = object.get(name);
        if (value == null || value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new IllegalArgumentException("missing array member " + name);
        }
        var objects = new ArrayList<JsonObject>();
        for (var item : (JsonArray) value) {
            if (item.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new IllegalArgumentException(name + " holds a non-object");
            }
            objects.add(item.asJsonObject());
        }
        return objects;
    }
}
