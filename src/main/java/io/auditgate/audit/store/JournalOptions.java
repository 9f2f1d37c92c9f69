package io.auditgate.audit.store;

import java.time.Duration;
import java.util.Objects;

/**
 * Journal limits. {@code segmentBytes}: a journal file is rolled once it reaches this size. {@code maxUnshippedBytes}:
 * above this many bytes of records not yet shipped (the store is unreachable) the journal refuses new entries.
 * {@code maxBatchEntries}: most entries written per fsync. {@code probeInterval}: how often a failed journal
 * checks whether the disk works again.
 */
public record JournalOptions(long segmentBytes, long maxUnshippedBytes, int maxBatchEntries, Duration probeInterval) {

    public JournalOptions {
        Objects.requireNonNull(probeInterval, "probeInterval");
        if (segmentBytes < 1024 || maxUnshippedBytes < 1 || maxBatchEntries < 1 || probeInterval.isNegative()
                || probeInterval.isZero()) {
            throw new IllegalArgumentException("bad journal options");
        }
    }

    /** 16 MiB files, 1 GiB unshipped at most, 1,024 entries per fsync, a probe every second. */
    public static JournalOptions defaults() {
        return new JournalOptions(16L << 20, 1L << 30, 1024, Duration.ofSeconds(1));
    }

    public JournalOptions withMaxUnshippedBytes(long bytes) {
        return new JournalOptions(segmentBytes, bytes, maxBatchEntries, probeInterval);
    }

    public JournalOptions withSegmentBytes(long bytes) {
        return new JournalOptions(bytes, maxUnshippedBytes, maxBatchEntries, probeInterval);
    }
}
