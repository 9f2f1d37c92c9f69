package io.auditgate.guardrail;

import io.auditgate.problem.GatewayException;
import io.auditgate.problem.ProblemType;
import java.util.Objects;

/**
 * 422 {@code prompt-blocked}, carrying the refused prompt as the audit trail may keep it: its report (status
 * {@code blocked}, the blocked PII types and injection techniques with counts, action {@code BLOCK}) and its fully
 * masked texts. The prompt's model view is the masked text too, so it can never carry a blocked value anywhere.
 */
public final class PromptBlocked extends GatewayException {

    private final transient ScreenedPrompt prompt;

    PromptBlocked(String detail, ScreenedPrompt prompt) {
        super(ProblemType.PROMPT_BLOCKED, detail);
        this.prompt = Objects.requireNonNull(prompt, "prompt");
        if (prompt.report().status() != GuardrailStatus.BLOCKED) {
            throw new IllegalArgumentException("a blocked prompt's report says blocked");
        }
    }

    /** The refused prompt, redacted, for the audit record only. */
    public ScreenedPrompt prompt() {
        return prompt;
    }
}
