package io.auditgate.guardrail;

import io.auditgate.guardrail.pii.PiiType;
import io.auditgate.guardrail.pii.Tally;

import io.auditgate.guardrail.pii.PiiAction;
import io.auditgate.guardrail.pii.Screened;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Adds up what PII screening found across the texts of one stage: counts and actions per type, never values. */
final class PiiFindings {

    private final Map<String, Integer> counts = new TreeMap<>();
    private final Map<String, String> actions = new TreeMap<>();
    private final Set<String> blocked = new TreeSet<>();
    private boolean masked;

    Screened add(Screened screened) {
        screened.tallies().forEach((type, tally) -> {
            counts.merge(type.name(), tally.count(), Integer::sum);
            actions.put(type.name(), tally.action().name());
            masked |= tally.action() != PiiAction.ALLOW;
        });
        screened.blocked().forEach(type -> blocked.add(type.name()));
        return screened;
    }

    /** A streamed answer's tallies (its {@code StreamScreen} adds them up itself). */
    void add(Map<PiiType, Tally> tallies, Set<PiiType> blockedTypes) {
        tallies.forEach((type, tally) -> {
            counts.merge(type.name(), tally.count(), Integer::sum);
            actions.put(type.name(), tally.action().name());
            masked |= tally.action() != PiiAction.ALLOW;
        });
        blockedTypes.forEach(type -> blocked.add(type.name()));
    }

    Set<String> blocked() {
        return blocked;
    }

    /** True if anything was replaced by a placeholder in the text the model (or client) sees. */
    boolean masked() {
        return masked;
    }

    List<Finding> summary() {
        return counts.entrySet().stream().map(e -> new Finding(e.getKey(), e.getValue(), actions.get(e.getKey()))).toList();
    }
}
