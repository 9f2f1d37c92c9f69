package io.auditgate.tenant;

/**
 * Limits of one API key on top of its tenant's, across all instances ({@link TenantLimits#UNLIMITED_RATE} when unset):
 * a request must fit both the key's and the tenant's.
 */
public record KeyLimits(long requestsPerMinute, long tokensPerMinute, long maxConcurrentRequests) {

    public static final KeyLimits NONE = new KeyLimits(TenantLimits.UNLIMITED_RATE, TenantLimits.UNLIMITED_RATE,
            TenantLimits.UNLIMITED_RATE);

    public KeyLimits {
        if (requestsPerMinute < 1 || tokensPerMinute < 1 || maxConcurrentRequests < 1) {
            throw new IllegalArgumentException("key limits must be positive");
        }
    }

    public boolean any() {
        return !equals(NONE);
    }
}
