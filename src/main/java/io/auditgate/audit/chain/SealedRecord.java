package io.auditgate.audit.chain;

import jakarta.json.JsonObject;
import java.util.Objects;

/**
 * A sealed record with its RFC 8785 canonical text, made once when it is sealed and reused by the journal line and
 * the segment, which would otherwise each canonicalise the same record again.
 *
 * @param json      the sealed record
 * @param canonical {@code CanonicalJson.text(json)}
 */
public record SealedRecord(JsonObject json, String canonical) {

    public SealedRecord {
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(canonical, "canonical");
    }

    /** A record read back (from a journal file or an object), canonicalised here. */
    public static SealedRecord of(JsonObject sealed) {
        return new SealedRecord(sealed, CanonicalJson.text(sealed));
    }

    public ChainLink link() {
        return ChainLink.of(json);
    }
}
