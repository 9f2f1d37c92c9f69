package io.auditgate.audit.store;

import io.auditgate.audit.chain.ChainLink;
import io.auditgate.audit.chain.Prefixes;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how this instance stores its trail: the instance id (the chain's and the keys'), the key prefix, the
 * Object Lock mode and retention of every object, and the KMS key for SSE-KMS ({@code null}: the bucket default).
 */
public record AuditOptions(String instance, String prefix, LockMode lockMode, Duration retention, String kmsKeyId) {

    /** S3 Object Lock retention mode; COMPLIANCE cannot be shortened or bypassed by anyone before retain-until. */
    public enum LockMode { COMPLIANCE, GOVERNANCE }

    public AuditOptions {
        if (!ChainLink.isInstanceId(instance)) {
            throw new IllegalArgumentException("bad instance id " + instance);
        }
        prefix = Prefixes.normalise(prefix);
        Objects.requireNonNull(lockMode, "lockMode");
        Objects.requireNonNull(retention, "retention");
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("retention must be positive");
        }
        kmsKeyId = kmsKeyId == null || kmsKeyId.isBlank() ? null : kmsKeyId.strip();
    }

    /** COMPLIANCE mode, no explicit KMS key. */
    public static AuditOptions of(String instance, String prefix, Duration retention) {
        return new AuditOptions(instance, prefix, LockMode.COMPLIANCE, retention, null);
    }

    /** The prefix followed by {@code /}, or nothing for the store's root. */
    String keyPrefix() {
        return prefix.isEmpty() ? "" : prefix + "/";
    }
}
