package io.auditgate.audit.chain;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.Objects;

/** One segment as a digest lists it: full key, SHA-256 of the uncompressed content, seq range, count, time span. */
public record DigestEntry(String key, String sha256, long firstSeq, long lastSeq, long records, Instant oldest,
        Instant newest) {

    public DigestEntry {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(oldest, "oldest");
        Objects.requireNonNull(newest, "newest");
        if (!Sha256.isHex(sha256) || firstSeq < 1 || lastSeq < firstSeq || records < 1) {
            throw new IllegalArgumentException("bad digest entry for " + key);
        }
    }

    JsonObject toJson() {
        return Json.object().add("key", key).add("sha256", sha256).add("first_seq", firstSeq)
                .add("last_seq", lastSeq).add("records", records).add("oldest", oldest.toString())
                .add("newest", newest.toString()).build();
    }

    static DigestEntry from(JsonObject json) {
        return new DigestEntry(Json.string(json, "key"), Json.string(json, "sha256"), Json.number(json, "first_seq"),
                Json.number(json, "last_seq"), Json.number(json, "records"),
                Instant.parse(Json.string(json, "oldest")), Instant.parse(Json.string(json, "newest")));
    }
}
