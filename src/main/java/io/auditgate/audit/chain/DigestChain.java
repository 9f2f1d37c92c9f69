package io.auditgate.audit.chain;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * One instance's chain of signed digests. {@link #next} signs a digest covering the time since the previous one
 * ({@code digest_start} = previous {@code digest_end}) and links it to the previous digest; call it on schedule
 * even when no segment was shipped, so idle periods are proven empty. Thread-safe.
 */
public final class DigestChain {

    private final String prefix;
    private final String instance;
    private final DigestSigner signer;
    private Instant lastEnd;
    private SignedDigest last;

    private DigestChain(String prefix, String instance, DigestSigner signer, Instant lastEnd, SignedDigest last) {
        this.prefix = Prefixes.normalise(prefix);
        this.instance = instance;
        this.signer = Objects.requireNonNull(signer, "signer");
        this.lastEnd = Objects.requireNonNull(lastEnd, "lastEnd");
        this.last = last;
        if (!ChainLink.isInstanceId(instance)) {
            throw new IllegalArgumentException("bad instance id " + instance);
        }
    }

    /** A new chain whose first digest covers the time from {@code start} (e.g. the instance's first record). */
    public static DigestChain start(String prefix, String instance, DigestSigner signer, Instant start) {
        return new DigestChain(prefix, instance, signer, start, null);
    }

    /** Continues after the newest stored digest of this instance. */
    public static DigestChain resume(String prefix, DigestSigner signer, SignedDigest last) {
        var d = last.digest();
        return new DigestChain(prefix, d.instance(), signer, d.end(), last);
    }

    /**
     * Signs the next digest listing {@code segments} (the entries of the segments shipped since the previous digest,
     * see {@link Segment#entry}) up to {@code end}. Fails if {@code end} is before the previous end.
     */
    public synchronized SignedDigest next(Instant end, List<DigestEntry> segments) {
        return sign(end, segments, null);
    }

    /**
     * Signs the chain's clean end: like {@link #next}, and marked {@link ChainEnd} with {@code lastSeq}, the last
     * record the instance sealed (all of them shipped and listed by this digest or an earlier one).
     */
    public synchronized SignedDigest end(Instant end, List<DigestEntry> segments, long lastSeq) {
        return sign(end, segments, new ChainEnd(lastSeq));
    }

    private SignedDigest sign(Instant end, List<DigestEntry> segments, ChainEnd chainEnd) {
        long seq = last == null ? 1 : last.digest().digestSeq() + 1;
        var unsigned = new Digest(instance, seq, lastEnd, end, segments, last == null ? null : DigestLink.to(last),
                chainEnd, signer.publicKeySha256(), null);
        var signature = Base64.getEncoder().encodeToString(signer.sign(unsigned.signedBytes()));
        var signed = SignedDigest.of(prefix, unsigned.withSignature(signature));
        last = signed;
        lastEnd = end;
        return signed;
    }

    public synchronized SignedDigest last() {
        return last;
    }
}
