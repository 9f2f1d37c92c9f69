package io.auditgate.audit.store;

import io.auditgate.audit.chain.ChainLink;
import io.auditgate.audit.chain.SealedRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the journal knows about its files, shared by the writer thread and the shipper: the files and their durable
 * lengths, the unshipped records (for the cap and the shipping triggers), the open begins (a file holding one is
 * kept, so a crash still finds it) and the shipped mark; and the read-back for the shipper ({@link #sealedSince}),
 * from the {@link RecentWindow} when it holds the records asked for, else from the files. Every method holds the lock
 * briefly; reading records from the files happens outside it, up to the durable lengths only.
 */
final class JournalState {

    /** Where the previous {@link #sealedSince} stopped, so the next one does not re-read the file from the start. */
    private record Cursor(long fileNumber, long offset, long seq) {
    }

    private final Path dir;
    private final String instance;
    private final RecentWindow recent = new RecentWindow();
    private final TreeMap<Long, JournalFile> files = new TreeMap<>();
    private final ArrayDeque<JournalScan.Unshipped> unshipped;
    private final Map<String, Long> openBegins = new HashMap<>();
    private ShippedMark shipped;
    private JournalFile active;
    private long unshippedBytes;
    private long durableSeq;
    private Cursor cursor;
    private final long cap;

    /** {@code cap}: the unshipped bytes at which the journal refuses new requests. */
    JournalState(Path dir, String instance, ShippedMark shipped, JournalScan scan, long cap) {
        this.dir = dir;
        this.cap = cap;
        this.instance = instance;
        this.shipped = shipped;
        scan.files.forEach(f -> files.put(f.number, f));
        scan.openBegins.forEach((id, begin) -> openBegins.put(id, begin.fileNumber()));
        this.unshipped = scan.unshipped;
        this.unshippedBytes = unshipped.stream().mapToLong(JournalScan.Unshipped::bytes).sum();
        this.durableSeq = scan.lastRecord != null ? ChainLink.of(scan.lastRecord).seq() : shipped.seq();
        this.active = files.isEmpty() ? new JournalFile(1, dir.resolve(JournalFile.name(instance, 1)), 0)
                : files.lastEntry().getValue();
        files.put(active.number, active);
    }

    synchronized JournalFile active() {
        return active;
    }

    synchronized long activeSize() {
        return active.size;
    }

    synchronized Path nextPath() {
        return dir.resolve(JournalFile.name(instance, active.number + 1));
    }

    synchronized void roll(Path path) {
        active = new JournalFile(active.number + 1, path, 0);
        files.put(active.number, active);
    }

    /**
     * A batch is durable: {@code sealed[i]} is null for a begin, whose id is {@code ids[i]}. True if this batch
     * brought the unshipped backlog to the cap (it was under it before).
     */
    synchronized boolean committed(List<String> ids, List<SealedRecord> sealed, List<byte[]> lines) {
        boolean wasUnder = unshippedBytes < cap;
        var now = Instant.now();
        for (int i = 0; i < lines.size(); i++) {
            active.size += lines.get(i).length;
            if (sealed.get(i) == null) {
                openBegins.put(ids.get(i), active.number);
                continue;
            }
            long seq = sealed.get(i).link().seq();
            active.recorded(seq);
            recent.remember(new RecentWindow.Recent(seq, sealed.get(i).textOnly(), lines.get(i).length, active.number,
                    active.size));
            unshipped.add(new JournalScan.Unshipped(seq, lines.get(i).length, now));
            unshippedBytes += lines.get(i).length;
            durableSeq = seq;
            if (ids.get(i) != null) {
                openBegins.remove(ids.get(i));
            }
        }
        return wasUnder && unshippedBytes >= cap;
    }

    synchronized boolean overCap() {
        return unshippedBytes >= cap;
    }

    synchronized long unshippedBytes() {
        return unshippedBytes;
    }

    synchronized long unshippedRecords() {
        return unshipped.size();
    }

    synchronized Optional<Instant> oldestUnshipped() {
        return unshipped.isEmpty() ? Optional.empty() : Optional.of(unshipped.peekFirst().appendedAt());
    }

    synchronized long shippedSeq() {
        return shipped.seq();
    }

    synchronized long shippingSeq() {
        return shipped.shippingSeq();
    }

    synchronized void markShipping(long lastSeq) throws IOException {
        if (lastSeq <= shipped.seq() || lastSeq > durableSeq) {
            throw new IllegalArgumentException("cannot ship up to seq " + lastSeq + " (shipped " + shipped.seq()
                    + ", durable " + durableSeq + ")");
        }
        var mark = new ShippedMark(instance, shipped.seq(), shipped.hash(), lastSeq);
        mark.write(dir);
        shipped = mark;
    }

    synchronized long durableSeq() {
        return durableSeq;
    }

    /** Records up to {@code last} are in the store; true if that brought the backlog from the cap to under it. */
    synchronized boolean markShipped(ChainLink last) throws IOException {
        if (last.seq() <= shipped.seq()) {
            return false;
        }
        boolean wasAtCap = unshippedBytes >= cap;
        if (last.seq() > durableSeq) {
            throw new IllegalArgumentException("seq " + last.seq() + " is not durable yet (last " + durableSeq + ")");
        }
        var mark = new ShippedMark(instance, last.seq(), last.hash(), Math.max(last.seq(), shipped.shippingSeq()));
        mark.write(dir);
        shipped = mark;
        while (!unshipped.isEmpty() && unshipped.peekFirst().seq() <= last.seq()) {
            unshippedBytes -= unshipped.pollFirst().bytes();
        }
        recent.forget(last.seq());
        deleteShipped();
        return wasAtCap && unshippedBytes < cap;
    }

    /** Deletes files (other than the active one) whose records are all shipped and that hold no open begin. */
    synchronized void deleteShipped() throws IOException {
        var deletable = files.values().stream().filter(f -> f != active && f.lastSeq <= shipped.seq()
                && !openBegins.containsValue(f.number)).toList();
        for (var f : deletable) {
            Files.deleteIfExists(f.path);
            files.remove(f.number);
        }
        if (!deletable.isEmpty()) {
            AtomicFiles.syncDirectory(dir);
        }
    }

    /** See {@link Journal#sealedSince}: from memory if the window covers it, else from the files, from the cursor. */
    List<SealedRecord> sealedSince(long seqExclusive, int maxRecords, long maxBytes) throws IOException {
        List<JournalFile> snapshot;
        Map<Long, Long> sizes = new HashMap<>();
        Cursor from;
        synchronized (this) {
            if (recent.covers(seqExclusive)) {
                var records = new ArrayList<SealedRecord>();
                var last = recent.since(seqExclusive, maxRecords, maxBytes, records);
                if (last != null) {
                    cursor = new Cursor(last.fileNumber(), last.endOffset(), last.seq());
                }
                return records;
            }
            snapshot = files.values().stream().filter(f -> f.lastSeq > seqExclusive).toList();
            snapshot.forEach(f -> sizes.put(f.number, f.size));
            from = cursor != null && cursor.seq == seqExclusive ? cursor : null;
        }
        var records = new ArrayList<SealedRecord>();
        long bytes = 0;
        boolean full = false;
        for (var file : snapshot) {
            if (from != null && file.number < from.fileNumber) {
                continue;
            }
            long offset = from != null && file.number == from.fileNumber ? from.offset : 0;
            try (var lines = JournalLines.open(file.path, offset, sizes.get(file.number))) {
                for (byte[] line; !full && (line = lines.next()) != null; offset += line.length) {
                    var record = JournalEntry.sealedRecord(line);
                    if (record != null && record.link().seq() > seqExclusive) {
                        if (!records.isEmpty() && bytes + line.length > maxBytes) {
                            full = true;
                            break;
                        }
                        records.add(record);
                        bytes += line.length;
                        full = records.size() >= maxRecords || bytes >= maxBytes;
                        synchronized (this) {
                            cursor = new Cursor(file.number, offset + line.length, record.link().seq());
                        }
                    }
                }
            }
            if (full) {
                break;
            }
        }
        return records;
    }
}
