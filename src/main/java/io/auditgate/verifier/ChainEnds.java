package io.auditgate.verifier;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Is each instance's chain ended? A gateway that stops gracefully signs a last digest marked {@code chain_end}; an
 * instance whose newest digest lacks it was killed, lost its disk, or is still running, and records it sealed after
 * its last shipped segment may be lost without a trace in the store ({@code UNTERMINATED_CHAIN}). The trail cannot
 * tell a running instance from a dead one, so the auditor can name the running ones ({@code --running}) or allow
 * every open chain ({@code --allow-open-chains}): those are listed as {@code OPEN_CHAIN} lines, not findings. A clean
 * end that names records the store does not hold is {@code CHAIN_END_MISMATCH}; records after a clean end (a later
 * start that has not signed a digest yet) make the chain open again.
 */
final class ChainEnds {

    static final String OPEN = "OPEN_CHAIN %s";

    private final Options options;
    private final Report report;

    ChainEnds(Options options, Report report) {
        this.options = options;
        this.report = report;
    }

    /**
     * {@code newest}: the newest digest of each instance whose digests the walk read to the end; {@code continued}:
     * instances whose digests go on after {@code --to}; {@code signed}: per instance the seq range its digests list.
     */
    void check(Map<String, Newest> newest, Set<String> continued, List<RecordRef> records, Map<String, long[]> signed) {
        var stored = new TreeMap<String, Long>();
        records.forEach(r -> stored.merge(r.instance(), r.seq(), Math::max));
        var instances = new TreeSet<>(newest.keySet());
        instances.addAll(stored.keySet());
        instances.removeAll(continued);
        for (var instance : instances) {
            long last = Math.max(stored.getOrDefault(instance, 0L), signed.getOrDefault(instance, new long[2])[1]);
            long signedThrough = signed.getOrDefault(instance, new long[2])[1];
            var tip = newest.get(instance);
            if (tip == null && options.to() != null) {
                continue; // no digest in the window: nothing says where this chain ends
            }
            var where = "instance=" + instance + " last_seq=" + last + " signed_through=" + signedThrough;
            where += tip == null ? " digest=none" : " digest=" + tip.key() + " digest_end=" + tip.end();
            if (tip == null || tip.digest() == null || !tip.digest().endsChain()) {
                unterminated(instance, where);
                continue;
            }
            long endSeq = tip.digest().chainEnd().lastSeq();
            long kept = stored.getOrDefault(instance, 0L);
            if (kept > endSeq) { // started again after its clean end, and no digest since: as open as a running one
                unterminated(instance, where + " reopened_after=" + endSeq);
            } else if (kept < endSeq && options.from() == null) {
                report.add(FindingCode.CHAIN_END_MISMATCH, "instance=" + instance + " last_seq=" + endSeq + " stored="
                        + kept + " digest=" + tip.key());
            }
        }
    }

    private void unterminated(String instance, String details) {
        if (options.allowsOpenChain(instance)) {
            report.note(OPEN.formatted(details));
        } else {
            report.add(FindingCode.UNTERMINATED_CHAIN, details);
        }
    }
}
