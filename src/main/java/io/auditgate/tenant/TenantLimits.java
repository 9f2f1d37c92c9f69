package io.auditgate.tenant;

/**
 * Per-tenant limits on a request: characters of prompt text, tokens the model may answer with, and requests in
 * flight at once on one instance ({@link #UNLIMITED} when the policy sets none).
 */
public record TenantLimits(int maxPromptChars, int maxOutputTokens, int maxConcurrentRequests) {

    public static final int UNLIMITED = Integer.MAX_VALUE;

    public TenantLimits {
        if (maxPromptChars < 1 || maxOutputTokens < 1 || maxConcurrentRequests < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    public TenantLimits(int maxPromptChars, int maxOutputTokens) {
        this(maxPromptChars, maxOutputTokens, UNLIMITED);
    }
}
