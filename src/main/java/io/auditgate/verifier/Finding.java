package io.auditgate.verifier;

import java.util.Objects;

/** One problem found: a stable code and {@code name=value} details, printed as one line. */
public record Finding(FindingCode code, String details) {

    public Finding {
        Objects.requireNonNull(code, "code");
        details = details == null ? "" : details.strip();
    }

    @Override
    public String toString() {
        return details.isEmpty() ? code.name() : code.name() + " " + details;
    }
}
