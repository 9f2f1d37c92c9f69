package io.auditgate.tenant;

/** Per-tenant size limits on a request: characters of prompt text and tokens the model may answer with. */
public record TenantLimits(int maxPromptChars, int maxOutputTokens) {

    public TenantLimits {
        if (maxPromptChars < 1 || maxOutputTokens < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }
}
