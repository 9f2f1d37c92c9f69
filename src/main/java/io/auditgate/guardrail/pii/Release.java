package io.auditgate.guardrail.pii;

import java.util.Objects;

/**
 * What a {@link StreamScreen} lets out after a delta: the next piece of the answer, screened.
 *
 * @param text       what the client may get now: masked and blocked values as placeholders, allowed ones kept
 * @param recordText the same piece with every finding replaced, for the audit record
 */
public record Release(String text, String recordText) {

    public static final Release NOTHING = new Release("", "");

    public Release {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(recordText, "recordText");
    }

    public boolean isEmpty() {
        return text.isEmpty() && recordText.isEmpty();
    }

    /** Never prints either text: {@code text} may hold allowed values. */
    @Override
    public String toString() {
        return "Release[" + text.length() + " chars]";
    }
}
