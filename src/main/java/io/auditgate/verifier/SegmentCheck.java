package io.auditgate.verifier;

import io.auditgate.audit.chain.DigestEntry;
import io.auditgate.audit.chain.Segment;
import io.auditgate.audit.chain.SegmentKey;
import io.auditgate.audit.chain.SegmentMetadata;
import io.auditgate.audit.chain.Sha256;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Checks one stored segment: decompresses it, compares its uncompressed SHA-256 with the digest entry that lists
 * it (if any) and with its metadata, checks its key and the order of its lines, and hands every readable line to
 * {@link RecordLines} for the record-level checks.
 */
final class SegmentCheck {

    private final Store store;
    private final Report report;

    SegmentCheck(Store store, Report report) {
        this.store = store;
        this.report = report;
    }

    /** The records read from the segment; empty if it is gone or unreadable (that being reported). */
    List<RecordRef> check(SegmentKey key, DigestEntry entry) throws IOException {
        var name = key.relative();
        var bytes = store.read(name);
        if (bytes.isEmpty()) {
            report.add(FindingCode.SEGMENT_MISSING, "key=" + name);
            return List.of();
        }
        byte[] content;
        try {
            content = Segment.gunzip(bytes.get());
        } catch (UncheckedIOException e) {
            report.add(FindingCode.SEGMENT_UNREADABLE, "key=" + name + " reason=\"" + e.getCause().getMessage() + "\"");
            return List.of();
        }
        var sha256 = Sha256.hex(content);
        if (entry != null && !entry.sha256().equals(sha256)) {
            report.add(FindingCode.SEGMENT_HASH_MISMATCH, "key=" + name + " expected=" + entry.sha256()
                    + " actual=" + sha256);
        }
        var records = new RecordLines(name, report).read(content);
        report.countRecords(records.size());
        checkMetadata(name, sha256, records);
        checkKey(key, records);
        if (entry != null) {
            checkRange(name, entry, records);
        }
        return records;
    }

    private void checkMetadata(String name, String sha256, List<RecordRef> records) throws IOException {
        SegmentMetadata metadata;
        try {
            metadata = SegmentMetadata.from(store.metadata(name));
        } catch (IllegalArgumentException e) {
            report.add(FindingCode.SEGMENT_METADATA_MISMATCH, "key=" + name + " reason=\"" + e.getMessage() + "\"");
            return;
        }
        if (!metadata.sha256().equals(sha256)) {
            report.add(FindingCode.SEGMENT_METADATA_MISMATCH, "key=" + name + " field=sha256");
        }
        if (metadata.recordCount() != records.size()) {
            report.add(FindingCode.SEGMENT_METADATA_MISMATCH, "key=" + name + " field=record-count");
        }
        if (!records.isEmpty() && (metadata.firstSeq() != records.get(0).seq()
                || metadata.lastSeq() != records.get(records.size() - 1).seq())) {
            report.add(FindingCode.SEGMENT_METADATA_MISMATCH, "key=" + name + " field=seq-range");
        }
    }

    private void checkKey(SegmentKey key, List<RecordRef> records) {
        var name = key.relative();
        for (var record : records) {
            if (!record.instance().equals(key.instance())) {
                report.add(FindingCode.SEGMENT_KEY_MISMATCH, record.where() + " instance=" + record.instance());
            }
        }
        if (!records.isEmpty() && (records.get(0).seq() != key.firstSeq()
                || records.get(records.size() - 1).seq() != key.lastSeq())) {
            report.add(FindingCode.SEGMENT_KEY_MISMATCH, "key=" + name + " first=" + records.get(0).seq()
                    + " last=" + records.get(records.size() - 1).seq());
        }
    }

    private void checkRange(String name, DigestEntry entry, List<RecordRef> records) {
        var present = records.stream().mapToLong(RecordRef::seq).boxed().collect(java.util.stream.Collectors.toSet());
        long from = -1;
        for (long seq = entry.firstSeq(); seq <= entry.lastSeq() + 1; seq++) {
            boolean missing = seq <= entry.lastSeq() && !present.contains(seq);
            if (missing && from < 0) {
                from = seq;
            } else if (!missing && from >= 0) {
                report.add(FindingCode.RECORD_MISSING, "key=" + name + " from=" + from + " to=" + (seq - 1));
                from = -1;
            }
        }
    }
}
