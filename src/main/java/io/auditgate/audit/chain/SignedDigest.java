package io.auditgate.audit.chain;

import java.util.Arrays;
import java.util.Objects;

/**
 * A digest as stored: its key, the exact object bytes (the RFC 8785 text of the signed digest) and the parsed
 * digest. The next digest's {@code previous.sha256} is the hash of these bytes.
 */
public record SignedDigest(String key, byte[] bytes, Digest digest) {

    public SignedDigest {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(digest, "digest");
        bytes = Arrays.copyOf(bytes, bytes.length);
    }

    /** Wraps a signed digest for storing under {@code prefix}. */
    public static SignedDigest of(String prefix, Digest signed) {
        if (signed.signature() == null) {
            throw new IllegalArgumentException("digest is not signed");
        }
        var key = new DigestKey(prefix, signed.instance(), signed.end(), signed.digestSeq()).key();
        return new SignedDigest(key, CanonicalJson.bytes(signed.toJson()), signed);
    }

    /** Reads a stored digest object (e.g. the newest one, to resume a {@link DigestChain} after a restart). */
    public static SignedDigest read(String key, byte[] bytes) {
        return new SignedDigest(key, bytes, Digest.from(Json.parse(bytes)));
    }

    @Override
    public byte[] bytes() {
        return Arrays.copyOf(bytes, bytes.length);
    }
}
