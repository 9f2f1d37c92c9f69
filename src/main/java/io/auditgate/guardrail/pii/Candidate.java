package io.auditgate.guardrail.pii;

import java.util.Objects;

/**
 * A validated match in normalised text. {@code rank} breaks ties between overlapping candidates of equal length:
 * the higher, the more specific (a checksum confirmed by a context word beats a bare pattern).
 */
record Candidate(PiiType type, int start, int end, int rank) {

    static final int PATTERN = 1;
    static final int VALIDATED = 2;
    static final int CONTEXT_CONFIRMED = 3;

    Candidate {
        Objects.requireNonNull(type, "type");
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("invalid range [" + start + ", " + end + ")");
        }
    }

    int length() {
        return end - start;
    }
}
