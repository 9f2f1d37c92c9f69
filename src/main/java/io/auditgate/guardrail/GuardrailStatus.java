package io.auditgate.guardrail;

import java.util.Locale;

/**
 * The verdict the client sees in {@code guardrail_status}, in rising severity: {@code not_screened} (audit
 * records only: the request was refused before its text was screened, so nothing is known of it; never sent in
 * an answer), {@code allowed} (nothing was
 * masked or flagged), {@code redacted} (personal data was masked before the model or the client saw it),
 * {@code flagged} (likely prompt injection, let through and recorded), {@code blocked} (the answer was withheld
 * or replaced by a guardrail).
 */
public enum GuardrailStatus {
    NOT_SCREENED, ALLOWED, REDACTED, FLAGGED, BLOCKED;

    static GuardrailStatus worst(GuardrailStatus a, GuardrailStatus b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
