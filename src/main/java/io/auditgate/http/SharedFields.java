package io.auditgate.http;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The request fields every endpoint reads alike, so that a limit is the same whichever API a client speaks: client
 * metadata (at most {@value #MAX_METADATA} string values of at most {@value #MAX_METADATA_VALUE} characters, keys of
 * a safe character set, since they reach the record and the log screened but not hashed) and stop sequences (at most
 * {@value #MAX_STOP} non-empty strings of at most {@value #MAX_STOP_CHARS} characters).
 */
public final class SharedFields {

    public static final int MAX_STOP = 4;
    public static final int MAX_STOP_CHARS = 100;
    public static final int MAX_METADATA = 16;
    public static final int MAX_METADATA_VALUE = 256;
    private static final Pattern METADATA_KEY = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");

    private SharedFields() {
    }

    /** The stop sequences of an array {@code value} (absent or null: none). */
    public static List<String> stops(JsonValue value, JsonFields fields) {
        if (value == null || value == JsonValue.NULL) {
            return List.of();
        }
        if (!(value instanceof JsonArray array) || array.size() > MAX_STOP) {
            fields.reject("stop", "must be an array of at most " + MAX_STOP + " strings");
            return List.of();
        }
        var stops = new ArrayList<String>();
        for (int i = 0; i < array.size(); i++) {
            var field = "stop[" + i + "]";
            if (array.get(i) instanceof JsonString s && !s.getString().isEmpty()) {
                fields.checkedText(s.getString(), field, MAX_STOP_CHARS).ifPresent(stops::add);
            } else {
                fields.reject(field, "must be a non-empty string");
            }
        }
        return stops;
    }

    /** The client metadata of an object {@code value} (absent or null: none), in the client's order. */
    public static Map<String, String> metadata(JsonValue value, JsonFields fields) {
        if (value == null || value == JsonValue.NULL) {
            return Map.of();
        }
        if (!(value instanceof JsonObject object) || object.size() > MAX_METADATA) {
            fields.reject("metadata", "must be an object of at most " + MAX_METADATA + " string values");
            return Map.of();
        }
        var metadata = new LinkedHashMap<String, String>();
        object.forEach((key, entry) -> {
            var field = "metadata." + JsonFields.printable(key);
            if (!METADATA_KEY.matcher(key).matches()) {
                fields.reject(field, "keys are 1-64 characters of letters, digits, '_', '.', ':' or '-'");
            } else if (!(entry instanceof JsonString s)) {
                fields.reject(field, "must be a string");
            } else {
                fields.checkedText(s.getString(), field, MAX_METADATA_VALUE).ifPresent(v -> metadata.put(key, v));
            }
        });
        return metadata;
    }
}
