package io.auditgate.verifier;

import java.util.ArrayList;
import java.util.List;

/**
 * What a verification found and how much it covered. Filled by the checks as they go; {@link #lines()} is the
 * output: the findings in the order found, the allowed open chains, an optional note on segments no digest covers yet, the fingerprint of
 * the key the digests were verified with, then the summary. The summary counts unsigned segments (no digest lists
 * them yet), so "0 findings" is never read as "all signed" while the first digest is still minutes away.
 */
final class Report {

    static final String PENDING = "note: %d segments hold seqs above every digested seq: not yet signed for by a digest";
    static final String KEY = "key: %s";
    static final String SUMMARY = "verified: %d digests, %d segments (%d unsigned), %d records, %d findings";

    private final String keyFingerprint;
    private final List<Finding> findings = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private int digests;
    private int segments;
    private long records;
    private int pendingSegments;
    private int unsignedSegments;

    /** {@code keyFingerprint}: {@code SHA-256:<hex>} of the key the digests are verified with. */
    Report(String keyFingerprint) {
        this.keyFingerprint = keyFingerprint;
    }

    void add(FindingCode code, String details) {
        findings.add(new Finding(code, details));
    }

    /** A line that is not a finding (an open chain the auditor allowed), printed after the findings. */
    void note(String line) {
        notes.add(line);
    }

    void countDigest() {
        digests++;
    }

    /**
     * A segment checked: {@code listed} by a digest, or not; {@code pending} (unlisted, above every digested seq, so
     * the next digest may still list it) is a note, not a finding, unless the run requires every segment signed.
     */
    void countSegment(boolean listed, boolean pending) {
        segments++;
        if (!listed) {
            unsignedSegments++;
        }
        if (pending) {
            pendingSegments++;
        }
    }

    int unsignedSegments() {
        return unsignedSegments;
    }

    void countRecords(long count) {
        records += count;
    }

    List<Finding> findings() {
        return List.copyOf(findings);
    }

    List<String> lines() {
        var lines = new ArrayList<String>();
        findings.forEach(f -> lines.add(f.toString()));
        lines.addAll(notes);
        if (pendingSegments > 0) {
            lines.add(PENDING.formatted(pendingSegments));
        }
        lines.add(KEY.formatted(keyFingerprint));
        lines.add(SUMMARY.formatted(digests, segments, unsignedSegments, records, findings.size()));
        return lines;
    }
}
