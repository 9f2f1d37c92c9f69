package io.auditgate.http;

import io.auditgate.problem.FieldError;
import io.auditgate.problem.Problem;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Typed, range-checked reads of JSON members that collect every {@link FieldError} instead of stopping at the first. */
public final class JsonFields {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");

    private final List<FieldError> errors = new ArrayList<>();
    private int omitted;

    /** The first {@link Problem#MAX_ERRORS} refused fields. */
    public List<FieldError> errors() {
        return errors;
    }

    /** How many more fields were refused: counted, not kept, so a body of a million bad keys costs no more memory. */
    public int omitted() {
        return omitted;
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public void reject(String field, String message) {
        if (errors.size() < Problem.MAX_ERRORS) {
            errors.add(new FieldError(field, message));
        } else {
            omitted++;
        }
    }

    public void rejectUnknown(JsonObject object, Set<String> known, String prefix) {
        object.keySet().stream().filter(k -> !known.contains(k)).sorted()
                .forEach(k -> reject(prefix + printable(k), "unknown field"));
    }

    public Optional<String> string(JsonObject object, String name, String field, int maxChars) {
        var value = object.get(name);
        if (value == null || value == JsonValue.NULL) {
            return Optional.empty();
        }
        if (!(value instanceof JsonString s)) {
            reject(field, "must be a string");
            return Optional.empty();
        }
        return checkedText(s.getString(), field, maxChars);
    }

    public Optional<String> checkedText(String text, String field, int maxChars) {
        if (text.length() > maxChars) {
            reject(field, "must be at most " + maxChars + " characters");
        } else if (!wellFormed(text)) {
            reject(field, "must not contain NUL or unpaired surrogate characters");
        } else {
            return Optional.of(text);
        }
        return Optional.empty();
    }

    public Integer integer(JsonObject object, String name, long min, long max) {
        var number = number(object, name);
        if (number == null) {
            return null;
        }
        if (!number.isIntegral()) {
            reject(name, "must be an integer");
            return null;
        }
        return inRange(number.bigDecimalValue(), name, min, max) ? number.intValueExact() : null;
    }

    public Double decimal(JsonObject object, String name, double min, double max) {
        var number = number(object, name);
        return number != null && inRange(number.bigDecimalValue(), name, min, max) ? number.doubleValue() : null;
    }

    private JsonNumber number(JsonObject object, String name) {
        var value = object.get(name);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonNumber n) {
            return n;
        }
        reject(name, "must be a number");
        return null;
    }

    private boolean inRange(BigDecimal value, String name, double min, double max) {
        if (value.compareTo(BigDecimal.valueOf(min)) < 0 || value.compareTo(BigDecimal.valueOf(max)) > 0) {
            reject(name, "must be between " + format(min) + " and " + format(max));
            return false;
        }
        return true;
    }

    private static String format(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    private static boolean wellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            var c = text.charAt(i);
            if (c == 0) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Field names are echoed in errors, so only identifier-like names are: anything else (which could be personal
     * data pasted as a key) is shown as {@code (unnamed)}.
     */
    public static String printable(String key) {
        return IDENTIFIER.matcher(key).matches() ? key : "(unnamed)";
    }
}
