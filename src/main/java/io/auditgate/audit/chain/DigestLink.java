package io.auditgate.audit.chain;

import jakarta.json.JsonObject;
import java.util.Objects;

/** A digest's {@code previous} member: the previous digest's key, SHA-256 of its stored bytes, its signature. */
public record DigestLink(String key, String sha256, String signature) {

    public DigestLink {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(signature, "signature");
        if (!Sha256.isHex(sha256)) {
            throw new IllegalArgumentException("bad previous digest hash");
        }
    }

    /** The link to an already stored digest. */
    public static DigestLink to(SignedDigest previous) {
        return new DigestLink(previous.key(), Sha256.hex(previous.bytes()), previous.digest().signature());
    }

    JsonObject toJson() {
        return Json.object().add("key", key).add("sha256", sha256).add("signature", signature).build();
    }

    static DigestLink from(JsonObject json) {
        return new DigestLink(Json.string(json, "key"), Json.string(json, "sha256"), Json.string(json, "signature"));
    }
}
