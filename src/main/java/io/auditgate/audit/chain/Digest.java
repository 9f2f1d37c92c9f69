package io.auditgate.audit.chain;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A signed statement that, between {@code start} and {@code end}, instance {@code instance} shipped exactly the
 * listed segments (possibly none), chained to the digest before it. The signature covers the RFC 8785 bytes of
 * the digest without its {@code signature} member ({@link #signedBytes()}). {@code chainEnd} is null except in the
 * last digest of a clean stop ({@link ChainEnd}); digests without it are written exactly as before it existed.
 */
public record Digest(String instance, long digestSeq, Instant start, Instant end, List<DigestEntry> segments,
        DigestLink previous, ChainEnd chainEnd, String publicKeySha256, String signature) {

    public static final String VERSION = "1";
    public static final String ALGORITHM = "SHA256withECDSA";

    public Digest {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        segments = List.copyOf(segments);
        if (!ChainLink.isInstanceId(instance) || digestSeq < 1 || end.isBefore(start)
                || !Sha256.isHex(publicKeySha256) || (digestSeq == 1) != (previous == null)) {
            throw new IllegalArgumentException("bad digest " + instance + " #" + digestSeq);
        }
    }

    /** The bytes the signature is computed over. */
    public byte[] signedBytes() {
        return CanonicalJson.bytes(unsigned());
    }

    /** The full digest object; {@code signature} is omitted while the digest is unsigned. */
    public JsonObject toJson() {
        var json = Json.copy(unsigned());
        if (signature != null) {
            json.add("signature", signature);
        }
        return json.build();
    }

    public Digest withSignature(String base64) {
        return new Digest(instance, digestSeq, start, end, segments, previous, chainEnd, publicKeySha256, base64);
    }

    /** True for the last digest of a clean stop. */
    public boolean endsChain() {
        return chainEnd != null;
    }

    /** Reads a digest object; a missing member, an unknown version or algorithm fails with IllegalArgumentException. */
    public static Digest from(JsonObject json) {
        if (!VERSION.equals(Json.string(json, "digest_version"))
                || !ALGORITHM.equals(Json.string(json, "signature_algorithm"))) {
            throw new IllegalArgumentException("unknown digest version or signature algorithm");
        }
        var previous = json.get("previous");
        if (previous == null) {
            throw new IllegalArgumentException("missing member previous");
        }
        return new Digest(Json.string(json, "instance"), Json.number(json, "digest_seq"),
                Instant.parse(Json.string(json, "digest_start")), Instant.parse(Json.string(json, "digest_end")),
                Json.objects(json, "segments").stream().map(DigestEntry::from).toList(),
                previous.getValueType() == JsonValue.ValueType.NULL ? null : DigestLink.from(previous.asJsonObject()),
                json.containsKey("chain_end") ? ChainEnd.from(Json.member(json, "chain_end")) : null,
                Json.string(json, "public_key_sha256"), Json.string(json, "signature"));
    }

    private JsonObject unsigned() {
        var list = Json.PROVIDER.createArrayBuilder();
        segments.forEach(s -> list.add(s.toJson()));
        var json = Json.object().add("digest_version", VERSION).add("instance", instance)
                .add("digest_seq", digestSeq).add("digest_start", start.toString()).add("digest_end", end.toString())
                .add("segments", list).add("public_key_sha256", publicKeySha256)
                .add("signature_algorithm", ALGORITHM);
        if (chainEnd != null) {
            json.add("chain_end", chainEnd.toJson());
        }
        return (previous == null ? json.addNull("previous") : json.add("previous", previous.toJson())).build();
    }
}
