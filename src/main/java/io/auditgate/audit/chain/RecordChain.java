package io.auditgate.audit.chain;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One instance's hash chain. {@link #seal} gives each record the next sequence number (1, 2, 3... without gaps),
 * the previous record's hash (64 zeros for the first) and its own hash. Thread-safe: records are sealed one at a
 * time in the order the callers reach the lock, and that order is the chain's. After a restart the chain is
 * resumed from the last record the journal holds.
 */
public final class RecordChain {

    private final String instance;
    private long lastSeq;
    private String lastHash;

    private RecordChain(String instance, long lastSeq, String lastHash) {
        this.instance = Objects.requireNonNull(instance, "instance");
        if (!ChainLink.isInstanceId(instance) || lastSeq < 0 || !Sha256.isHex(lastHash)) {
            throw new IllegalArgumentException("bad chain start: " + instance + " " + lastSeq);
        }
        if (lastSeq == 0 && !Sha256.ZERO.equals(lastHash)) {
            throw new IllegalArgumentException("an empty chain's last hash is 64 zeros");
        }
        this.lastSeq = lastSeq;
        this.lastHash = lastHash;
    }

    /** A new chain whose first record will be seq 1. */
    public static RecordChain start(String instance) {
        return new RecordChain(instance, 0, Sha256.ZERO);
    }

    /** Continues a chain whose last sealed record had {@code lastSeq} and {@code lastHash}. */
    public static RecordChain resume(String instance, long lastSeq, String lastHash) {
        return new RecordChain(instance, lastSeq, lastHash);
    }

    /** Continues after the given sealed record (e.g. the journal's last line). */
    public static RecordChain resumeAfter(JsonObject lastSealed) {
        var link = ChainLink.of(lastSealed);
        return new RecordChain(link.instance(), link.seq(), link.hash());
    }

    /**
     * Adds {@code chain {instance, seq, prev_hash, hash}} to a record. The record must not carry a {@code chain}
     * member already, and must be canonicalisable (no NaN, no lone surrogates), else it is refused and the chain
     * does not move.
     */
    public synchronized JsonObject seal(JsonObject unsealed) {
        return append(unsealed).json();
    }

    /**
     * {@link #seal} that also gives the sealed record's canonical text. The record is canonicalised once, around
     * its {@code chain} member: the hash is taken over that text with {@code chain} without its hash, and the
     * sealed text is the same text with the hash added, so neither canonicalises the record again.
     */
    public SealedRecord append(JsonObject unsealed) {
        if (unsealed.containsKey("chain")) {
            throw new IllegalArgumentException("record is already sealed");
        }
        return append(unsealed, CanonicalJson.around(unsealed, "chain"));
    }

    /**
     * {@link #append} with the record's canonical text around {@code chain} made already, by the caller's thread:
     * {@code hole} must be {@code CanonicalJson.around(unsealed, "chain")}.
     */
    public synchronized SealedRecord append(JsonObject unsealed, CanonicalJson.Hole hole) {
        long seq = lastSeq + 1;
        // chain's members in code-unit order: hash, instance, prev_hash, seq
        var links = "\"instance\":" + CanonicalJson.quoted(instance) + ",\"prev_hash\":" + CanonicalJson.quoted(lastHash)
                + ",\"seq\":" + CanonicalNumber.of(seq) + "}";
        var hash = Sha256.hex(hole.fill("{" + links).getBytes(StandardCharsets.UTF_8));
        var canonical = hole.fill("{\"hash\":\"" + hash + "\"," + links);
        var chain = Json.object().add("instance", instance).add("seq", seq).add("prev_hash", lastHash)
                .add("hash", hash);
        var sealed = Json.copy(unsealed).add("chain", chain.build()).build();
        lastSeq = seq;
        lastHash = hash;
        return new SealedRecord(sealed, canonical);
    }

    public String instance() {
        return instance;
    }

    public synchronized long lastSeq() {
        return lastSeq;
    }

    public synchronized String lastHash() {
        return lastHash;
    }
}
