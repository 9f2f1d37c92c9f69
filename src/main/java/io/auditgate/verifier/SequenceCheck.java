package io.auditgate.verifier;

import io.auditgate.audit.chain.Sha256;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The checks across all segments of an instance: sequence numbers without gaps or duplicates, each record's
 * {@code prev_hash} equal to the hash of the record before it, and the first record linked to 64 zeros.
 */
final class SequenceCheck {

    private final Report report;
    private final boolean fromStart;

    /** {@code fromStart}: the whole trail is being verified, so each instance must begin at seq 1. */
    SequenceCheck(Report report, boolean fromStart) {
        this.report = report;
        this.fromStart = fromStart;
    }

    void check(List<RecordRef> records) {
        Map<String, List<RecordRef>> byInstance = new TreeMap<>();
        records.forEach(r -> byInstance.computeIfAbsent(r.instance(), i -> new ArrayList<>()).add(r));
        byInstance.forEach(this::checkInstance);
    }

    private void checkInstance(String instance, List<RecordRef> records) {
        records.sort(Comparator.comparingLong(RecordRef::seq));
        var first = records.get(0);
        if (fromStart && first.seq() > 1) {
            report.add(FindingCode.SEQUENCE_GAP, "instance=" + instance + " after=0 next=" + first.seq());
        }
        if (first.seq() == 1 && !Sha256.ZERO.equals(first.prevHash())) {
            report.add(FindingCode.CHAIN_BROKEN, "instance=" + instance + " " + first.where());
        }
        for (int i = 1; i < records.size(); i++) {
            var before = records.get(i - 1);
            var record = records.get(i);
            if (record.seq() == before.seq()) {
                report.add(FindingCode.DUPLICATE_SEQUENCE, "instance=" + instance + " seq=" + record.seq()
                        + " key=" + before.key() + " line=" + before.line() + " also=" + record.key() + ":" + record.line());
            } else if (record.seq() != before.seq() + 1) {
                report.add(FindingCode.SEQUENCE_GAP, "instance=" + instance + " after=" + before.seq()
                        + " next=" + record.seq());
            } else if (!record.prevHash().equals(before.hash())) {
                report.add(FindingCode.CHAIN_BROKEN, "instance=" + instance + " " + record.where());
            }
        }
    }
}
