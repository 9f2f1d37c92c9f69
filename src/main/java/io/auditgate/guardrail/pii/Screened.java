package io.auditgate.guardrail.pii;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The outcome of screening one text.
 *
 * @param modelText  what may go to the model: masked and blocked values replaced by placeholders, allowed ones kept
 * @param recordText what audit records and logs may hold: every finding replaced, whatever the policy says
 * @param tallies    per type found, the action taken and the count (no values); iterates in type order
 * @param blocked    types whose action is {@link PiiAction#BLOCK}; if not empty the caller must refuse the request,
 *                   naming these types and never the values; iterates in type order
 */
public record Screened(String modelText, String recordText, Map<PiiType, Tally> tallies, Set<PiiType> blocked) {

    public Screened {
        Objects.requireNonNull(tallies, "tallies");
        Objects.requireNonNull(blocked, "blocked");
        Objects.requireNonNull(modelText, "modelText");
        Objects.requireNonNull(recordText, "recordText");
        tallies = tallies.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(tallies));
        blocked = blocked.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(blocked));
        if (!tallies.keySet().containsAll(blocked)) {
            throw new IllegalArgumentException("a blocked type must have been found");
        }
    }

    /** Never prints either text: {@code modelText} may hold allowed values, and this record may end up in a log. */
    @Override
    public String toString() {
        return "Screened[tallies=" + tallies + ", blocked=" + blocked + "]";
    }

    public boolean isBlocked() {
        return !blocked.isEmpty();
    }

    /**
     * True if no value starts in this text. When texts are screened together, the end of a value that starts in the
     * text before may still have been masked here.
     */
    public boolean isClean() {
        return tallies.isEmpty();
    }
}
