package io.auditgate.tenant;

import java.util.OptionalInt;

/**
 * Per-tenant limits on a request and on the tenant's traffic across all instances: characters of prompt text, tokens
 * the model may answer with, requests in flight at once, requests and (weighted) tokens per minute ({@link #UNLIMITED}
 * when the policy sets none), the output cap used when a request names none, and whether a request must name one.
 *
 * @param defaultMaxTokens the {@code max_tokens} reserved and sent to the model when the request gives none
 * @param requireMaxTokens a request without {@code max_tokens} is refused (400)
 */
public record TenantLimits(int maxPromptChars, int maxOutputTokens, int maxConcurrentRequests, long requestsPerMinute,
                           long tokensPerMinute, OptionalInt defaultMaxTokens, boolean requireMaxTokens) {

    public static final int UNLIMITED = Integer.MAX_VALUE;
    public static final long UNLIMITED_RATE = Long.MAX_VALUE;

    public TenantLimits {
        if (maxPromptChars < 1 || maxOutputTokens < 1 || maxConcurrentRequests < 1 || requestsPerMinute < 1
                || tokensPerMinute < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
        if (defaultMaxTokens.isPresent() && defaultMaxTokens.getAsInt() < 1) {
            throw new IllegalArgumentException("default_max_tokens must be positive");
        }
    }

    public TenantLimits(int maxPromptChars, int maxOutputTokens, int maxConcurrentRequests) {
        this(maxPromptChars, maxOutputTokens, maxConcurrentRequests, UNLIMITED_RATE, UNLIMITED_RATE,
                OptionalInt.empty(), false);
    }

    public TenantLimits(int maxPromptChars, int maxOutputTokens) {
        this(maxPromptChars, maxOutputTokens, UNLIMITED);
    }

    /** Whether any limit counts the tenant's traffic (so the ledger must be asked). */
    public boolean countsTraffic() {
        return maxConcurrentRequests != UNLIMITED || requestsPerMinute != UNLIMITED_RATE
                || tokensPerMinute != UNLIMITED_RATE;
    }

    /** The output tokens a request may produce: its own {@code max_tokens}, else the default cap, else the limit. */
    public int outputCap(Integer requested) {
        return requested != null ? requested : defaultMaxTokens.orElse(maxOutputTokens);
    }
}
