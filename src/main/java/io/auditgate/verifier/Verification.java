package io.auditgate.verifier;

import io.auditgate.audit.chain.DigestVerifier;
import io.auditgate.audit.chain.SegmentKey;
import java.io.IOException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run over a store: digests first (signatures, digest chain), then every segment they list, then the
 * segments nobody lists, then sequence and hash chain across segments. Segments newer than every digest of their
 * instance are checked too and counted as unsigned; they are findings ({@code SEGMENT_UNSIGNED}) only with
 * {@code --require-signed}, since the next digest will normally sign for them. Then whether each instance's chain
 * ends cleanly ({@link ChainEnds}), and last whether any audit object has a second version (an overwrite).
 */
final class Verification {

    private final Store store;
    private final DigestVerifier verifier;
    private final Options options;
    private final Report report;

    Verification(Store store, DigestVerifier verifier, Options options) {
        this.store = store;
        this.verifier = verifier;
        this.options = options;
        this.report = new Report(verifier.fingerprint());
    }

    Report run() throws IOException {
        var walk = new DigestWalk(store, verifier, options, report);
        var listed = listedOnce(walk.walk());
        var stored = storedSegments();
        var segments = new SegmentCheck(store, report);
        var records = new ArrayList<RecordRef>();
        for (var listing : listed.values()) {
            var key = stored.get(listing.segmentKey());
            if (key == null) {
                report.add(FindingCode.SEGMENT_MISSING, "key=" + listing.segmentKey() + " digest=" + listing.digestKey());
            } else {
                report.countSegment(true, false);
                records.addAll(segments.check(key, listing.entry()));
            }
        }
        var digested = digestedRanges(listed);
        for (var key : stored.values()) {
            if (!listed.containsKey(key.relative()) && shouldCheckUnlisted(key, digested.get(key.instance()))) {
                records.addAll(segments.check(key, null));
            }
        }
        new SequenceCheck(report, options.from() == null).check(records);
        new RecordIds(report).check(records);
        new ChainEnds(options, report).check(walk.newest(), walk.continued(), records, digested);
        checkVersions();
        return report;
    }

    /** Every audit object is written once (If-None-Match) and locked: a second version means it was overwritten. */
    private void checkVersions() throws IOException {
        for (var folder : List.of("records/", "digests/", "keys/")) {
            store.extraVersions(folder).forEach((key, versions) -> report.add(FindingCode.OVERWRITTEN_OBJECT,
                    "key=" + key + " versions=" + versions));
        }
    }

    private boolean shouldCheckUnlisted(SegmentKey key, long[] range) {
        var hour = key.date().atStartOfDay(java.time.ZoneOffset.UTC).toInstant().plus(key.hour(), ChronoUnit.HOURS);
        if (range == null || key.firstSeq() > range[1]) {
            boolean inWindow = options.inWindow(hour, hour.plus(1, ChronoUnit.HOURS));
            if (inWindow && options.requireSigned()) {
                report.countSegment(false, false);
                report.add(FindingCode.SEGMENT_UNSIGNED, "key=" + key.relative());
            } else if (inWindow) {
                report.countSegment(false, true);
            }
            return inWindow;
        }
        if (key.lastSeq() < range[0] && options.from() != null) {
            return false; // listed by a digest before the window
        }
        report.countSegment(false, false);
        report.add(FindingCode.SEGMENT_NOT_IN_DIGEST, "key=" + key.relative());
        return true;
    }

    private Map<String, Listing> listedOnce(List<Listing> listings) {
        var byKey = new LinkedHashMap<String, Listing>();
        for (var listing : listings) {
            var earlier = byKey.putIfAbsent(listing.segmentKey(), listing);
            if (earlier != null) {
                report.add(FindingCode.SEGMENT_LISTED_TWICE, "key=" + listing.segmentKey() + " digest="
                        + earlier.digestKey() + " also=" + listing.digestKey());
            }
        }
        return byKey;
    }

    private Map<String, SegmentKey> storedSegments() throws IOException {
        var stored = new LinkedHashMap<String, SegmentKey>();
        for (var name : store.list("records/")) {
            var key = SegmentKey.parse(name).filter(k -> k.relative().equals(name));
            if (key.isEmpty()) {
                report.add(FindingCode.UNRECOGNISED_OBJECT, "key=" + name);
            } else if (options.wantsInstance(key.get().instance())) {
                stored.put(name, key.get());
            }
        }
        return stored;
    }

    /** Per instance, the lowest and highest seq the digests in the window list. */
    private static Map<String, long[]> digestedRanges(Map<String, Listing> listed) {
        var ranges = new HashMap<String, long[]>();
        for (var listing : listed.values()) {
            var instance = SegmentKey.parse(listing.entry().key()).map(SegmentKey::instance).orElse(null);
            if (instance != null) {
                var range = ranges.computeIfAbsent(instance, i -> new long[] {Long.MAX_VALUE, 0});
                range[0] = Math.min(range[0], listing.entry().firstSeq());
                range[1] = Math.max(range[1], listing.entry().lastSeq());
            }
        }
        return ranges;
    }
}
