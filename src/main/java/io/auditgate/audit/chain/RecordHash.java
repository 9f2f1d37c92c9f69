package io.auditgate.audit.chain;

import jakarta.json.JsonObject;

/**
 * A record's {@code chain.hash}: lowercase hex SHA-256 of the RFC 8785 canonical bytes of the record with
 * {@code chain.hash} removed, so {@code chain.instance}, {@code chain.seq} and {@code chain.prev_hash} are covered.
 */
public final class RecordHash {

    private RecordHash() {
    }

    /** The hash the record should carry; fails if the record has no {@code chain} object. */
    public static String of(JsonObject record) {
        var chain = Json.member(record, "chain");
        var unhashed = Json.copy(record).add("chain", Json.copy(chain).remove("hash")).build();
        return Sha256.hex(CanonicalJson.bytes(unhashed));
    }

    /** Whether the record's own {@code chain.hash} is the hash of its content. */
    public static boolean matches(JsonObject sealed) {
        return of(sealed).equals(ChainLink.of(sealed).hash());
    }
}
