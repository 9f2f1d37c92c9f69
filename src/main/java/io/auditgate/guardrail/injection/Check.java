package io.auditgate.guardrail.injection;

import java.util.Optional;

/**
 * One technique check. Implementations are stateless and thread-safe; they may look at any view of the text
 * but return only a technique and a weight, never the text itself.
 */
interface Check {

    /**
     * Looks for this check's technique.
     *
     * @param text   the prompt in its raw and normalised views
     * @param rescan scores text this check has decoded (base64, hex, tag characters) with all checks
     * @return a signal, or empty when there is no evidence
     */
    Optional<InjectionSignal> inspect(ScannedText text, Rescan rescan);

    /** Scores hidden text that a check decoded; returns 0 once the nesting limit is reached. */
    @FunctionalInterface
    interface Rescan {
        double score(String decoded);
    }
}
