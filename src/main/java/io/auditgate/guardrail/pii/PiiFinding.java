package io.auditgate.guardrail.pii;

import java.util.Objects;

/**
 * One detected item: its type and its half-open character range {@code [start, end)} in the ORIGINAL text given to
 * {@link PiiDetector#detect(String)}. It deliberately holds no value, so it can be logged or counted safely.
 */
public record PiiFinding(PiiType type, int start, int end) {

    public PiiFinding {
        Objects.requireNonNull(type, "type");
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("invalid range [" + start + ", " + end + ")");
        }
    }

    public int length() {
        return end - start;
    }

    boolean overlaps(PiiFinding other) {
        return start < other.end && other.start < end;
    }
}
