package io.auditgate.spending;

import io.auditgate.audit.chain.SegmentKey;
import io.auditgate.audit.store.AuditStore;
import io.auditgate.quota.Spent;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import java.util.zip.GZIPInputStream;

/**
 * One pass over the current UTC month's segments in the audit store, summing each tenant's {@code quota.settled}
 * (tokens and pico-USD) for the month and for {@code today}. Streams one segment at a time and keeps only the sums:
 * memory does not grow with the month. Segments are read per instance in sequence order, and a record at or below a
 * sequence number already read is skipped, so a segment stored twice is counted once. A segment that cannot be read
 * (corrupt gzip, a line that is not a record) is skipped and logged: the verifier is what reports it.
 */
final class TrailSpending {

    private static final Logger LOG = Logger.getLogger(TrailSpending.class.getName());

    /** What one pass found. */
    record Tally(Map<String, Spent> spent, long segments, long records, long skippedSegments) {
    }

    private final AuditStore store;
    private final String keyPrefix;
    private final LocalDate today;
    private final Map<String, Spent> spent = new HashMap<>();
    private final Map<String, Long> lastSeq = new HashMap<>();
    private long records;
    private long skipped;

    private TrailSpending(AuditStore store, String prefix, LocalDate today) {
        this.store = store;
        this.keyPrefix = prefix.isEmpty() ? "" : prefix + "/";
        this.today = today;
    }

    /** The month of {@code today} up to its end of day, from the store below {@code prefix} (normalised). */
    static Tally of(AuditStore store, String prefix, LocalDate today) throws IOException {
        var pass = new TrailSpending(store, prefix, today);
        var segments = pass.segments();
        for (var segment : segments) {
            pass.read(segment);
        }
        return new Tally(Map.copyOf(pass.spent), segments.size(), pass.records, pass.skipped);
    }

    /**
     * Keys of every segment that may hold a record of this month: the month's days, and the last hour of the day
     * before it (a segment is filed under its first record's hour and may run past midnight), by instance and seq.
     */
    private List<SegmentKey> segments() throws IOException {
        var keys = new ArrayList<>(store.list(keyPrefix + "records/dt=" + today.withDayOfMonth(1).minusDays(1) + "/hr=23/"));
        for (var day = today.withDayOfMonth(1); !day.isAfter(today); day = day.plusDays(1)) {
            keys.addAll(store.list(keyPrefix + "records/dt=" + day + "/"));
        }
        return keys.stream().map(SegmentKey::parse).flatMap(java.util.Optional::stream)
                .sorted(Comparator.comparing(SegmentKey::instance).thenComparingLong(SegmentKey::firstSeq)).toList();
    }

    private void read(SegmentKey segment) throws IOException {
        var seen = lastSeq.getOrDefault(segment.instance(), 0L);
        if (segment.lastSeq() <= seen) {
            return;
        }
        var body = store.read(segment.key());
        if (body.isEmpty()) {
            return;
        }
        try (var lines = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                new ByteArrayInputStream(body.get())), StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) {
                SettledRecord.of(line).filter(r -> r.seq() > seen).ifPresent(this::add);
            }
            lastSeq.put(segment.instance(), segment.lastSeq());
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            skipped++;
            LOG.warning(() -> "Budget rebuild skips segment " + segment.key() + ": " + e.getClass().getSimpleName());
        }
    }

    private void add(SettledRecord record) {
        records++;
        if (record.received().isAfter(today) || record.received().isBefore(today.withDayOfMonth(1))) {
            return;
        }
        spent.merge(record.tenant(), Spent.none(today).plus(record.received(), record.tokens(), record.costPicoUsd()),
                (a, b) -> a.plus(record.received(), record.tokens(), record.costPicoUsd()));
    }
}
