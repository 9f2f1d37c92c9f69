package io.auditgate.guardrail.pii;

import java.util.Map;
import java.util.Objects;

/**
 * A tenant's PII rules: an action per type, and {@code defaultAction} for every type not listed.
 *
 * @param actions       explicit actions; copied, must not contain nulls
 * @param defaultAction action for unlisted types
 */
public record PiiPolicy(Map<PiiType, PiiAction> actions, PiiAction defaultAction) {

    public PiiPolicy {
        actions = Map.copyOf(Objects.requireNonNull(actions, "actions"));
        Objects.requireNonNull(defaultAction, "defaultAction");
    }

    /** Masks every type. */
    public static PiiPolicy maskAll() {
        return new PiiPolicy(Map.of(), PiiAction.MASK);
    }

    /** The listed actions, with {@link PiiAction#MASK} for everything else. */
    public static PiiPolicy of(Map<PiiType, PiiAction> actions) {
        return new PiiPolicy(actions, PiiAction.MASK);
    }

    public PiiAction actionFor(PiiType type) {
        return actions.getOrDefault(Objects.requireNonNull(type, "type"), defaultAction);
    }
}
