package io.auditgate.problem;

import java.util.Objects;

/** One reason a request field was refused; {@code field} is a JSON pointer-like path such as {@code messages[1].role}. */
public record FieldError(String field, String message) {
    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }
}
