package io.auditgate.verifier;

import java.util.ArrayList;
import java.util.List;

/**
 * What a verification found and how much it covered. Filled by the checks as they go; {@link #lines()} is the
 * output: the findings in the order found, an optional note on segments no digest covers yet, then the summary.
 */
final class Report {

    static final String PENDING = "note: %d segments hold seqs above every digested seq: not yet signed for by a digest";

    private final List<Finding> findings = new ArrayList<>();
    private int digests;
    private int segments;
    private long records;
    private int pendingSegments;

    void add(FindingCode code, String details) {
        findings.add(new Finding(code, details));
    }

    void countDigest() {
        digests++;
    }

    void countSegment(boolean pending) {
        segments++;
        if (pending) {
            pendingSegments++;
        }
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
        if (pendingSegments > 0) {
            lines.add(PENDING.formatted(pendingSegments));
        }
        lines.add(String.format("verified: %d digests, %d segments, %d records, %d findings", digests, segments,
                records, findings.size()));
        return lines;
    }
}
