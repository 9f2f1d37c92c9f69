package io.auditgate.audit.store;

import io.auditgate.audit.chain.DigestSigner;
import io.auditgate.audit.chain.Segment;
import io.auditgate.audit.chain.SegmentMetadata;
import io.auditgate.audit.chain.Sha256;
import io.auditgate.audit.chain.SignedDigest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * One object for the audit store: full key (prefix included), body, user metadata (always with {@code sha256}, by
 * which a re-put recognises an object it already stored), content type and encoding ({@code null}: none).
 */
public record AuditObject(String key, byte[] body, Map<String, String> metadata, String contentType,
        String contentEncoding) {

    public static final String SEGMENT_TYPE = "application/x-ndjson";
    public static final String DIGEST_TYPE = "application/json";
    public static final String PUBLIC_KEY_TYPE = "application/x-pem-file";

    public AuditObject {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(contentType, "contentType");
        body = Arrays.copyOf(body, body.length);
        metadata = Map.copyOf(metadata);
        if (!metadata.containsKey(SegmentMetadata.SHA256)) {
            throw new IllegalArgumentException("audit object metadata lacks sha256: " + key);
        }
    }

    /** A segment: gzip JSON Lines with record-count, first-seq, last-seq and sha256 (of the uncompressed lines). */
    public static AuditObject segment(Segment segment, String prefix) {
        return new AuditObject(segment.key(prefix).key(), segment.gzip(), segment.metadata().asMap(), SEGMENT_TYPE,
                "gzip");
    }

    /** A signed digest: its exact bytes, with sha256 of those bytes as metadata. */
    public static AuditObject digest(SignedDigest digest) {
        var bytes = digest.bytes();
        return new AuditObject(digest.key(), bytes, Map.of(SegmentMetadata.SHA256, Sha256.hex(bytes)), DIGEST_TYPE,
                null);
    }

    /**
     * The digest signing key's public half, published once: {@code <prefix>/keys/<hex SHA-256 of its DER>.pem}. The
     * key is a function of the key, so a re-put of the same key finds its object stored (never overwritten).
     */
    public static AuditObject publicKey(DigestSigner signer, String keyPrefix) {
        var pem = signer.publicKeyPem().getBytes(StandardCharsets.US_ASCII);
        return new AuditObject(keyPrefix + "keys/" + signer.publicKeySha256() + ".pem", pem,
                Map.of(SegmentMetadata.SHA256, Sha256.hex(pem)), PUBLIC_KEY_TYPE, null);
    }

    public String sha256() {
        return metadata.get(SegmentMetadata.SHA256);
    }

    @Override
    public byte[] body() {
        return Arrays.copyOf(body, body.length);
    }
}
