package io.auditgate.problem;

import java.util.Objects;

/**
 * One reason a request field was refused; {@code field} is a JSON pointer-like path such as {@code messages[1].role},
 * cut to {@link #MAX_FIELD_CHARS} characters so that no answer echoes long client text.
 */
public record FieldError(String field, String message) {

    static final int MAX_FIELD_CHARS = 100;

    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
        if (field.length() > MAX_FIELD_CHARS) {
            field = field.substring(0, MAX_FIELD_CHARS - 3) + "...";
        }
    }
}
