package io.auditgate.guardrail;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * The texts of a JSON value that a model reads (tool-call arguments): every member name, string and number, depth
 * first in member order, and the same value rebuilt with their screened forms. The structure never changes, so the
 * result is valid JSON of the same shape; a number whose text was masked becomes the placeholder string, and of two
 * member names that mask alike the first is kept. Booleans and null carry no text.
 */
final class JsonStrings {

    private static final JsonProvider JSON = JsonProvider.provider();

    private JsonStrings() {
    }

    static List<String> of(JsonValue value) {
        var texts = new ArrayList<String>();
        collect(value, texts);
        return texts;
    }

    /** {@code value} with each text replaced by the next of {@code screened}, in the order {@link #of} lists them. */
    static JsonValue replaced(JsonValue value, Iterator<String> screened) {
        return switch (value) {
            case JsonObject object -> {
                var members = new LinkedHashMap<String, JsonValue>();
                object.forEach((name, member) -> {
                    var key = screened.next();
                    members.putIfAbsent(key, replaced(member, screened));
                });
                var builder = JSON.createObjectBuilder();
                members.forEach(builder::add);
                yield builder.build();
            }
            case JsonArray array -> {
                var builder = JSON.createArrayBuilder();
                array.forEach(item -> builder.add(replaced(item, screened)));
                yield builder.build();
            }
            case JsonString string -> JSON.createValue(screened.next());
            case JsonNumber number -> {
                var text = screened.next();
                yield text.equals(number.toString()) ? number : JSON.createValue(text);
            }
            default -> value;
        };
    }

    private static void collect(JsonValue value, List<String> texts) {
        switch (value) {
            case JsonObject object -> object.forEach((name, member) -> {
                texts.add(name);
                collect(member, texts);
            });
            case JsonArray array -> array.forEach(item -> collect(item, texts));
            case JsonString string -> texts.add(string.getString());
            case JsonNumber number -> texts.add(number.toString());
            default -> {
            }
        }
    }
}
