package io.auditgate.guardrail.pii;

import java.util.List;

/**
 * Finds one family of PII in normalised text. Implementations are stateless and thread-safe; they may report
 * overlapping candidates, which {@link Overlaps} resolves.
 */
interface Recognizer {

    void scan(Tokens tokens, List<Candidate> out);
}
