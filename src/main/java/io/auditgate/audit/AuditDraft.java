package io.auditgate.audit;

import io.auditgate.guardrail.ScreenedPrompt;
import java.util.Optional;

/**
 * What the audit trail knows of the current request so far: the screened prompt, and whether it was recorded. One per
 * request, produced into the request scope by {@link AuditTrail#draft()}.
 */
public class AuditDraft {

    private ScreenedPrompt prompt;
    private boolean recorded;

    void screened(ScreenedPrompt value) {
        this.prompt = value;
    }

    Optional<ScreenedPrompt> prompt() {
        return Optional.ofNullable(prompt);
    }

    void recorded() {
        this.recorded = true;
    }

    boolean isRecorded() {
        return recorded;
    }
}
