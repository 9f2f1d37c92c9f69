package io.auditgate.audit.chain;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;

/**
 * The RFC 8785 JSON Canonicalization Scheme (JCS) over the JSON-P object model: members sorted by their names'
 * UTF-16 code units, no whitespace, numbers as ECMAScript doubles, minimal string escaping, UTF-8 bytes.
 * Strings holding a lone surrogate are not Unicode and are refused with {@link IllegalArgumentException}.
 */
public final class CanonicalJson {

    private CanonicalJson() {
    }

    /** The canonical UTF-8 bytes of {@code value}. */
    public static byte[] bytes(JsonValue value) {
        return text(value).getBytes(StandardCharsets.UTF_8);
    }

    /** The canonical text of {@code value}. */
    public static String text(JsonValue value) {
        var out = new StringBuilder(1024);
        write(value, out);
        return out.toString();
    }

    /** The canonical text of a JSON string holding {@code text}. */
    public static String quoted(String text) {
        var out = new StringBuilder(text.length() + 2);
        writeString(text, out);
        return out.toString();
    }

    /**
     * The canonical text of {@code object} with one more member, {@code name}, whose value is left open: canonical
     * texts of the object with any value there are {@link Hole#fill}ed in without canonicalising the rest again.
     * {@code object} must not hold {@code name} already.
     */
    public static Hole around(JsonObject object, String name) {
        if (object.containsKey(name)) {
            throw new IllegalArgumentException("object holds " + name + " already");
        }
        var names = new ArrayList<>(object.keySet());
        names.add(name);
        names.sort(null);
        var out = new StringBuilder(1024).append('{');
        int at = -1;
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            writeString(names.get(i), out);
            out.append(':');
            if (names.get(i).equals(name)) {
                at = out.length();
            } else {
                write(object.get(names.get(i)), out);
            }
        }
        out.append('}');
        return new Hole(out.substring(0, at), out.substring(at));
    }

    /**
     * An object's canonical text around one member's value.
     *
     * @param before the text up to and including the member's {@code "name":}
     * @param after  the text after the member's value
     */
    public record Hole(String before, String after) {

        /** The object's canonical text with {@code value}, itself canonical text, as the member's value. */
        public String fill(String value) {
            return before + value + after;
        }
    }

    private static void write(JsonValue value, StringBuilder out) {
        switch (value.getValueType()) {
            case OBJECT -> writeObject(value.asJsonObject(), out);
            case ARRAY -> writeArray(value.asJsonArray(), out);
            case STRING -> writeString(((JsonString) value).getString(), out);
            case NUMBER -> out.append(CanonicalNumber.of(((JsonNumber) value).doubleValue()));
            case TRUE -> out.append("true");
            case FALSE -> out.append("false");
            case NULL -> out.append("null");
        }
    }

    private static void writeObject(JsonObject object, StringBuilder out) {
        var names = new ArrayList<>(object.keySet());
        names.sort(null); // String.compareTo orders by UTF-16 code units, as RFC 8785 section 3.2.3 asks
        out.append('{');
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            writeString(names.get(i), out);
            out.append(':');
            write(object.get(names.get(i)), out);
        }
        out.append('}');
    }

    private static void writeArray(JsonArray array, StringBuilder out) {
        out.append('[');
        for (int i = 0; i < array.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            write(array.get(i), out);
        }
        out.append(']');
    }

    /**
     * Runs of characters that need no escape are appended whole (one copy, not one append per character): records
     * hold whole prompts and answers.
     */
    private static void writeString(String text, StringBuilder out) {
        out.append('"');
        int run = 0; // where the characters not yet written start
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\' && !Character.isSurrogate(c)) {
                continue;
            }
            out.append(text, run, i);
            i = writeSpecial(text, i, out);
            run = i + 1;
        }
        out.append(text, run, text.length());
        out.append('"');
    }

    /** Writes the character at {@code i} that needs an escape or is a surrogate; returns the last index it used. */
    private static int writeSpecial(String text, int i, StringBuilder out) {
        char c = text.charAt(i);
        switch (c) {
            case '"' -> out.append("\\\"");
            case '\\' -> out.append("\\\\");
            case '\b' -> out.append("\\b");
            case '\f' -> out.append("\\f");
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            default -> {
                if (c < 0x20) {
                    out.append(String.format("\\u%04x", (int) c));
                } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                        && Character.isLowSurrogate(text.charAt(i + 1))) {
                    out.append(c).append(text.charAt(i + 1));
                    return i + 1;
                } else {
                    throw new IllegalArgumentException("lone surrogate at index " + i + " is not Unicode text");
                }
            }
        }
        return i;
    }
}
