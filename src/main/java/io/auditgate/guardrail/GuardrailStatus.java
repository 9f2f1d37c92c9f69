package io.auditgate.guardrail;

import java.util.Locale;

/**
 * The verdict the client sees in {@code guardrail_status}: {@code allowed} (nothing found), {@code redacted}
 * (personal data masked), {@code flagged} (suspicious but passed), {@code blocked} (refused or replaced).
 */
public enum GuardrailStatus {
    ALLOWED, REDACTED, FLAGGED, BLOCKED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
