package io.auditgate.tenant;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One API key as the policy stores it: its non-secret id and the SHA-256 of the whole key, never the key.
 *
 * @param expires the instant from which the key is refused, or {@code null} for no expiry
 * @param limits  the key's own limits on top of its tenant's
 */
public record ApiKeyEntry(String keyId, String sha256, Instant expires, boolean revoked, KeyLimits limits) {

    /** A key without limits of its own. */
    public ApiKeyEntry(String keyId, String sha256, Instant expires, boolean revoked) {
        this(keyId, sha256, expires, revoked, KeyLimits.NONE);
    }

    static final Pattern KEY_ID = Pattern.compile("[a-z0-9]{6,8}");
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    public ApiKeyEntry {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(limits, "limits");
        if (!KEY_ID.matcher(keyId).matches()) {
            throw new IllegalArgumentException("key id must be 6-8 lower-case letters or digits");
        }
        if (!SHA256_HEX.matcher(sha256).matches()) {
            throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits");
        }
    }

    /** Whether the key may authenticate at {@code now}: not revoked and not yet expired. */
    public boolean isUsableAt(Instant now) {
        return !revoked && (expires == null || now.isBefore(expires));
    }
}
