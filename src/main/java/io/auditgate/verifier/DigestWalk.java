package io.auditgate.verifier;

import io.auditgate.audit.chain.Digest;
import io.auditgate.audit.chain.DigestKey;
import io.auditgate.audit.chain.DigestVerifier;
import io.auditgate.audit.chain.SegmentKey;
import io.auditgate.audit.chain.Sha256;
import io.auditgate.audit.chain.SignedDigest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads every digest of each instance in the window, checks its signature and its link to the digest before it
 * (key, SHA-256 of the stored bytes, signature, start = previous end, no gap in {@code digest_seq}), and returns
 * the segments the digests list, and each instance's newest digest (is its chain ended cleanly?).
 */
final class DigestWalk {

    private record Loaded(DigestKey key, byte[] bytes, Digest digest) {
    }

    private final Store store;
    private final DigestVerifier verifier;
    private final Options options;
    private final Report report;
    private final Map<String, Newest> newest = new HashMap<>();
    private final Set<String> continued = new HashSet<>();

    DigestWalk(Store store, DigestVerifier verifier, Options options, Report report) {
        this.store = store;
        this.verifier = verifier;
        this.options = options;
        this.report = report;
    }

    /** Per instance, its newest digest, when the walk reached it (not cut off by {@code --to}); null content if unreadable. */
    Map<String, Newest> newest() {
        return Map.copyOf(newest);
    }

    /** Instances whose digests go on after {@code --to}: their chain's end lies outside the window. */
    Set<String> continued() {
        return Set.copyOf(continued);
    }

    List<Listing> walk() throws IOException {
        var byInstance = new TreeMap<String, List<DigestKey>>();
        for (var key : store.list("digests/")) {
            var parsed = DigestKey.parse(key);
            if (parsed.isEmpty()) {
                report.add(FindingCode.UNRECOGNISED_OBJECT, "key=" + key);
            } else if (options.wantsInstance(parsed.get().instance())) {
                byInstance.computeIfAbsent(parsed.get().instance(), i -> new ArrayList<>()).add(parsed.get());
            }
        }
        var listings = new ArrayList<Listing>();
        for (var keys : byInstance.values()) {
            keys.sort(Comparator.comparingLong(DigestKey::digestSeq));
            walkInstance(keys, listings);
        }
        return listings;
    }

    private void walkInstance(List<DigestKey> keys, List<Listing> listings) throws IOException {
        int first = 0;
        while (first < keys.size() && options.from() != null && keys.get(first).end().isBefore(options.from())) {
            first++;
        }
        Loaded previous = first > 0 ? load(keys.get(first - 1)) : null;
        for (int i = first; i < keys.size(); i++) {
            var current = load(keys.get(i));
            report.countDigest();
            check(current);
            link(previous, current);
            if (current.digest() != null) {
                current.digest().segments().forEach(entry -> listings.add(new Listing(current.key().relative(), entry,
                        SegmentKey.parse(entry.key()).map(SegmentKey::relative).orElse(entry.key()))));
            }
            previous = current;
            if (i == keys.size() - 1) {
                newest.put(current.key().instance(), new Newest(current.key().relative(), current.key().end(),
                        current.digest()));
            } else if (options.to() != null && current.key().end().isAfter(options.to())) {
                continued.add(current.key().instance());
                break;
            }
        }
    }

    private Loaded load(DigestKey key) throws IOException {
        var bytes = store.read(key.relative()).orElse(new byte[0]);
        try {
            return new Loaded(key, bytes, SignedDigest.read(key.relative(), bytes).digest());
        } catch (RuntimeException e) {
            return new Loaded(key, bytes, null);
        }
    }

    private void check(Loaded loaded) {
        var where = "key=" + loaded.key().relative();
        var digest = loaded.digest();
        if (digest == null) {
            report.add(FindingCode.DIGEST_UNREADABLE, where);
            return;
        }
        if (!digest.instance().equals(loaded.key().instance()) || digest.digestSeq() != loaded.key().digestSeq()
                || !new DigestKey("", digest.instance(), digest.end(), digest.digestSeq()).equals(loaded.key())) {
            report.add(FindingCode.DIGEST_KEY_MISMATCH, where + " digest_seq=" + digest.digestSeq());
        }
        verifier.check(digest).ifPresent(why -> report.add(FindingCode.DIGEST_SIGNATURE_INVALID,
                where + " reason=\"" + why + "\""));
    }

    private void link(Loaded previous, Loaded current) {
        long seq = current.key().digestSeq();
        var where = "key=" + current.key().relative();
        if (previous == null) {
            if (seq > 1) {
                report.add(FindingCode.DIGEST_MISSING, "instance=" + current.key().instance() + " after=0 next=" + seq);
            }
            return;
        }
        long before = previous.key().digestSeq();
        if (before == seq) {
            report.add(FindingCode.DIGEST_CHAIN_BROKEN, where + " reason=\"duplicate digest_seq " + seq + "\"");
        } else if (seq != before + 1) {
            report.add(FindingCode.DIGEST_MISSING,
                    "instance=" + current.key().instance() + " after=" + before + " next=" + seq);
        } else if (current.digest() != null) {
            linkReasons(previous, current.digest())
                    .forEach(why -> report.add(FindingCode.DIGEST_CHAIN_BROKEN, where + " reason=\"" + why + "\""));
        }
    }

    private static List<String> linkReasons(Loaded previous, Digest current) {
        var reasons = new ArrayList<String>();
        var link = current.previous();
        if (link == null) {
            return List.of("previous is null");
        }
        if (!DigestKey.parse(link.key()).map(DigestKey::relative).orElse("").equals(previous.key().relative())) {
            reasons.add("previous.key is " + link.key());
        }
        if (!link.sha256().equals(Sha256.hex(previous.bytes()))) {
            reasons.add("previous.sha256 does not match the previous digest");
        }
        if (previous.digest() != null && !link.signature().equals(previous.digest().signature())) {
            reasons.add("previous.signature does not match the previous digest");
        }
        if (previous.digest() != null && !current.start().equals(previous.digest().end())) {
            reasons.add("digest_start is not the previous digest_end");
        }
        return reasons;
    }
}
