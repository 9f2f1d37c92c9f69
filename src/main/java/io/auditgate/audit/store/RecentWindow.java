package io.auditgate.audit.store;

import io.auditgate.audit.chain.SealedRecord;
import java.util.ArrayDeque;
import java.util.List;

/**
 * The journal's most recent durable records, kept in memory for the shipper: {@link JournalState#sealedSince} serves
 * the common case (the shipper keeps up) from here instead of reading back and parsing what was just written, which
 * cost the gateway more CPU than writing it (docs/performance.md). Only each record's text, link and received time are
 * kept ({@link SealedRecord#textOnly}), not its JSON tree, and at most {@link #MAX_BYTES} of journal lines; the window
 * holds consecutive seqs only (a gap empties it). Not thread-safe: guarded by {@link JournalState}'s lock.
 */
final class RecentWindow {

    /** A record in the window; {@code endOffset} is where its line ends in journal file {@code fileNumber}. */
    record Recent(long seq, SealedRecord record, int lineBytes, long fileNumber, long endOffset) {
    }

    /**
     * At most this many bytes of journal lines are kept in memory; older records are read from disk. Two segments'
     * worth: the gateway's shipper polls five times a second and cuts a segment once 8 MB are unshipped, so the
     * records of the segment it cuts are still here. With one segment's worth and a poll each second it read most
     * segments back from disk when prompts were 32 KB. A larger window (32 MB for a while) is not needed with the
     * faster poll, and every record it holds lives through young collections until it ships.
     */
    static final long MAX_BYTES = 16L << 20;

    private final ArrayDeque<Recent> recent = new ArrayDeque<>();
    private long bytes;

    void remember(Recent record) {
        if (!recent.isEmpty() && recent.peekLast().seq() + 1 != record.seq()) {
            forget(Long.MAX_VALUE);
        }
        recent.add(record);
        bytes += record.lineBytes();
        while (bytes > MAX_BYTES) {
            bytes -= recent.pollFirst().lineBytes();
        }
    }

    /** Records up to {@code throughSeq} are shipped. */
    void forget(long throughSeq) {
        while (!recent.isEmpty() && recent.peekFirst().seq() <= throughSeq) {
            bytes -= recent.pollFirst().lineBytes();
        }
    }

    /** True if the window holds every record after {@code seqExclusive}. */
    boolean covers(long seqExclusive) {
        return !recent.isEmpty() && recent.peekFirst().seq() <= seqExclusive + 1;
    }

    /**
     * Adds to {@code records} up to {@code maxRecords} records after {@code seqExclusive}, about {@code maxBytes}
     * (at least one); returns the last one added, or null.
     */
    Recent since(long seqExclusive, int maxRecords, long maxBytes, List<SealedRecord> records) {
        long total = 0;
        Recent last = null;
        for (var r : recent) {
            if (r.seq() <= seqExclusive) {
                continue;
            }
            if (last != null && total + r.lineBytes() > maxBytes) {
                break;
            }
            records.add(r.record());
            total += r.lineBytes();
            last = r;
            if (records.size() >= maxRecords || total >= maxBytes) {
                break;
            }
        }
        return last;
    }
}
