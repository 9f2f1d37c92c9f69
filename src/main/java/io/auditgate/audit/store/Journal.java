package io.auditgate.audit.store;

import io.auditgate.audit.chain.CanonicalJson;
import io.auditgate.audit.chain.ChainLink;
import io.auditgate.audit.chain.RecordChain;
import io.auditgate.audit.chain.SealedRecord;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * The instance's append-only audit journal on local disk. {@link #begin} and {@link #append} return futures that
 * complete only once the entry is fsync'd; one writer thread group-commits: it takes every queued entry, seals the
 * records with the {@link RecordChain} in that order, writes them, calls {@code force} once and completes them all.
 * It fails closed: when the disk fails or the unshipped backlog exceeds its cap, futures fail with
 * {@link JournalUnavailableException} and {@link #isWritable()} is false until a probe or a write succeeds again.
 * The shipper reads durable records with {@link #sealedSince} and acknowledges them with {@link #markShipped}.
 */
public final class Journal implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Journal.class.getName());

    /**
     * A queued entry: a begin (its line, made by the caller) or a record (unsealed, and its canonical text around
     * {@code chain}, also made by the caller, so that the one writer thread only hashes and joins text);
     * {@code resolves} is the id of the begin a record completes; {@code last}: the request's last record
     * ({@link #appendLast}), held in memory while the disk fails instead of refused.
     */
    private record Pending(String requestId, byte[] beginLine, JsonObject record, CanonicalJson.Hole canonical,
            String resolves, boolean last, CompletableFuture<JsonObject> future) {

        static Pending record(JsonObject unsealed, String resolves, boolean last) {
            return new Pending(null, null, unsealed, CanonicalJson.around(unsealed, "chain"), resolves, last,
                    new CompletableFuture<>());
        }

        boolean isRecord() {
            return record != null;
        }
    }

    private static final Pending CLOSE = new Pending(null, null, null, null, null, false, null);

    private final Path dir;
    private final String instance;
    private final JournalOptions options;
    private final JournalDisk disk;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final AtomicLong fsyncs = new AtomicLong();
    private final JournalState state;
    private final Thread writer;
    private volatile boolean accepting = true;
    private volatile boolean halted;
    private volatile IOException diskFailure;
    /**
     * Made at open, not at close: Payara Micro closes the application's class loader while JVM shutdown hooks (the
     * gateway's drain and close) still run, so close must not load a class for the first time.
     */
    private final JournalUnavailableException closed = new JournalUnavailableException("journal is closed");
    /**
     * How long a written begin may wait for an fsync of its own. A batch of begins only is written but not
     * forced: the model is called without waiting for it, and the record that normally follows within
     * milliseconds forces both; only when none comes in this time is the file forced for the begins alone.
     * At low concurrency this halves the fsyncs per request.
     */
    static final long BEGIN_FORCE_DELAY_MILLIS = 20;

    /** How long {@link #close} keeps probing a failed disk for records it holds before it gives them up. */
    static final long CLOSE_HOLD_MILLIS = 10_000;

    /**
     * Requests begun and not yet completed by a durable record: their records are never refused for the cap (the
     * model may already have been called), and their last record is held in memory while the disk fails. Bounded
     * by the requests in flight.
     */
    private final Set<String> begun = ConcurrentHashMap.newKeySet();
    private final AtomicLong refusedAtCap = new AtomicLong();
    private RecordChain chain; // writer thread only (and open, before it starts)
    private final List<Pending> unforced = new ArrayList<>(); // writer thread only: begins written, not yet forced
    /** Writer thread only: last records of begun requests that the failed disk refused, written once it works. */
    private final List<Pending> held = new ArrayList<>();
    private FileChannel channel; // writer thread only; null when it must be reopened

    private Journal(Path dir, String instance, JournalOptions options, JournalDisk disk, FileChannel lockChannel,
            FileLock lock, JournalState state, RecordChain chain) {
        this.dir = dir;
        this.instance = instance;
        this.options = options;
        this.disk = disk;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.state = state;
        this.chain = chain;
        this.writer = new Thread(this::run, "audit-journal-" + instance);
        writer.setDaemon(true);
    }

    /**
     * Opens (creating if needed) the journal of {@code instance} in {@code dir} and recovers it: a torn last line is
     * truncated, the chain resumes after the last sealed record (or the shipped mark), and every begin without a
     * record gets the sealed record {@code interrupted} makes of it (the begin entry:
     * {@code {"type":"begin","request_id","at","request"}}). Fails with IOException if the directory is in use by
     * another journal, corrupt, or cannot be written.
     */
    public static Journal open(Path dir, String instance, JournalOptions options,
            Function<JsonObject, JsonObject> interrupted) throws IOException {
        return open(dir, instance, options, interrupted, JournalDisk.REAL);
    }

    static Journal open(Path dir, String instance, JournalOptions options, Function<JsonObject, JsonObject> interrupted,
            JournalDisk disk) throws IOException {
        if (!ChainLink.isInstanceId(instance)) {
            throw new IllegalArgumentException("bad instance id " + instance);
        }
        Objects.requireNonNull(interrupted, "interrupted");
        Files.createDirectories(dir);
        var lockChannel = FileChannel.open(dir.resolve("journal.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = lockChannel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            lockChannel.close();
            throw new IOException("journal directory " + dir + " is in use by another journal");
        }
        Journal journal = null;
        try {
            var shipped = ShippedMark.read(dir, instance);
            var scan = JournalScan.of(dir, instance, shipped);
            var chain = scan.lastRecord != null ? RecordChain.resumeAfter(scan.lastRecord)
                    : RecordChain.resume(instance, shipped.seq(), shipped.hash());
            var state = new JournalState(dir, instance, shipped, scan, options.maxUnshippedBytes());
            journal = new Journal(dir, instance, options, disk, lockChannel, lock, state, chain);
            journal.channel = journal.openActive();
            journal.completeInterrupted(scan, interrupted);
            state.deleteShipped();
            journal.writer.start();
            return journal;
        } catch (IOException | RuntimeException e) {
            if (journal != null) {
                journal.closeChannel();
            }
            lock.release();
            lockChannel.close();
            throw e;
        }
    }

    private void completeInterrupted(JournalScan scan, Function<JsonObject, JsonObject> interrupted)
            throws IOException {
        if (scan.openBegins.isEmpty()) {
            return;
        }
        var batch = new ArrayList<Pending>();
        for (var open : scan.openBegins.entrySet()) {
            var record = interrupted.apply(open.getValue().entry());
            check(record);
            batch.add(Pending.record(record, open.getKey(), false));
        }
        commit(batch);
        for (var p : batch) {
            try {
                p.future.join();
            } catch (RuntimeException e) {
                throw new IOException("cannot record interrupted request " + p.resolves + ": " + e.getMessage(), e);
            }
        }
        LOG.warning("journal " + dir + ": recorded " + batch.size() + " interrupted request(s) after a crash");
    }

    /**
     * Records that a request was accepted, before the model is called; completes when durable. Refused at once (a
     * future already failed, so the caller can refuse the request before calling the model) when the journal is
     * closed, its disk failed or its backlog reached the cap. Once begun, the request's records are exempt from the
     * cap (see {@link #appendLast}).
     */
    public CompletableFuture<Void> begin(String requestId, JsonObject requestPart) {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(requestPart, "requestPart");
        byte[] line;
        try {
            line = JournalEntry.begin(requestId, Instant.now(), requestPart);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
        var pending = new Pending(requestId, line, null, null, null, false, new CompletableFuture<>());
        var refused = refusal(pending);
        if (refused != null) {
            return CompletableFuture.failedFuture(refused);
        }
        begun.add(requestId);
        queue.add(pending);
        return pending.future.thenApply(sealed -> null);
    }

    /**
     * Seals and appends a complete audit record (no {@code chain} member yet; {@code times.received} an ISO-8601
     * instant, as segments need it); completes with the sealed record once it is durable. A malformed record fails
     * with IllegalArgumentException and leaves the chain as it was. A record that completes a begun request is
     * accepted beyond the unshipped cap: the cap limits what new requests may start, never the record of one
     * whose model call may already have happened.
     */
    public CompletableFuture<JsonObject> append(JsonObject unsealedRecord) {
        return append(unsealedRecord, false);
    }

    /**
     * Like {@link #append}, for the last record of a request (e.g. the refusal that follows a failed append of its
     * answer): if the request was {@link #begin begun} and the disk refuses the record, it is held in memory and
     * written, before any newer entry, as soon as a probe finds the disk working again; the future completes then.
     * So the trail gets the request's true outcome instead of "interrupted" at the next start. {@link #close} waits up
     * to {@link #CLOSE_HOLD_MILLIS} for a held record; what the disk still refuses then is lost with the process (the
     * begin, if durable, becomes an interrupted record at the next start) and logged as SEVERE. Records of requests
     * never begun are refused as by {@link #append}.
     */
    public CompletableFuture<JsonObject> appendLast(JsonObject unsealedRecord) {
        return append(unsealedRecord, true);
    }

    private CompletableFuture<JsonObject> append(JsonObject unsealedRecord, boolean last) {
        Pending pending;
        try {
            check(unsealedRecord);
            pending = Pending.record(unsealedRecord, JournalEntry.recordId(unsealedRecord), last);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
        var refused = refusal(pending);
        if (refused != null) {
            return CompletableFuture.failedFuture(refused);
        }
        queue.add(pending);
        return pending.future;
    }

    private static void check(JsonObject record) {
        if (record.containsKey("chain")) {
            throw new IllegalArgumentException("record is already sealed");
        }
        try {
            Instant.parse(record.getJsonObject("times").getString("received"));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("record lacks times.received as an ISO-8601 instant", e);
        }
    }

    /**
     * Why an entry is refused when queued, or null. The cap is checked here only, once per entry: an entry admitted
     * is written even if the backlog crosses the cap meanwhile (by at most the entries in flight), so a begun
     * request's model call never happens without its begin, and a begun request's record is never refused for it.
     */
    private JournalUnavailableException refusal(Pending pending) {
        if (!accepting) {
            return closed;
        }
        if (pending.isRecord() && begun.contains(pending.resolves)) {
            return null;
        }
        if (state.overCap()) {
            refusedAtCap.incrementAndGet();
            return overCap();
        }
        return null;
    }

    /** False while new requests would be refused: disk failure, unshipped backlog over its cap, or closed. */
    public boolean isWritable() {
        return accepting && diskFailure == null && !state.overCap();
    }

    /** True while the unshipped backlog is at its cap: only the store's return (shipping) makes room. */
    public boolean isAtCap() {
        return state.overCap();
    }

    /** Up to {@code maxRecords} durable records after {@code seqExclusive}, in seq order, about {@code maxBytes}. */
    public List<SealedRecord> sealedSince(long seqExclusive, int maxRecords, long maxBytes) throws IOException {
        return state.sealedSince(seqExclusive, maxRecords, maxBytes);
    }

    /** Records up to {@code last} are in the store: persists that, frees the cap, deletes fully shipped files. */
    public void markShipped(ChainLink last) throws IOException {
        if (!last.instance().equals(instance)) {
            throw new IllegalArgumentException("not this journal's chain: " + last.instance());
        }
        if (state.markShipped(last)) {
            LOG.warning("audit journal " + dir + " accepts new requests again: shipping brought the unshipped backlog to "
                    + state.unshippedBytes() + " bytes, under the cap of " + options.maxUnshippedBytes() + "; "
                    + refusedAtCap.getAndSet(0) + " entries were refused at the cap meanwhile");
        }
    }

    public long shippedSeq() {
        return state.shippedSeq();
    }

    /**
     * Before a segment is put: persists its last seq, so that a restart after a crash between the put and
     * {@link #markShipped} cuts exactly the same segment (same key, found already stored), even if more records
     * became durable meanwhile or the shipping limits changed.
     */
    public void markShipping(long lastSeq) throws IOException {
        state.markShipping(lastSeq);
    }

    /** The last seq of the segment being put; beyond {@link #shippedSeq} only between a put and its mark. */
    public long shippingSeq() {
        return state.shippingSeq();
    }

    /** The seq of the last durable record. */
    public long lastSeq() {
        return state.durableSeq();
    }

    public long unshippedRecords() {
        return state.unshippedRecords();
    }

    public long unshippedBytes() {
        return state.unshippedBytes();
    }

    public Optional<Instant> oldestUnshipped() {
        return state.oldestUnshipped();
    }

    /** fsyncs of journal data so far (group commit: far fewer than entries under concurrency). */
    public long fsyncCount() {
        return fsyncs.get();
    }

    public String instance() {
        return instance;
    }

    private void run() {
        var batch = new ArrayList<Pending>();
        while (!halted) {
            Pending first;
            try {
                first = queue.poll(unforced.isEmpty() ? options.probeInterval().toMillis() : BEGIN_FORCE_DELAY_MILLIS,
                        TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                continue;
            }
            if (halted) {
                return;
            }
            if (first == null) {
                if (!unforced.isEmpty()) {
                    forceUnforced();
                } else if (diskFailure != null || !held.isEmpty()) {
                    commit(List.of()); // probes the disk and writes the held records if it works
                }
                continue;
            }
            batch.clear();
            batch.add(first);
            queue.drainTo(batch, options.maxBatchEntries() - 1);
            boolean closing = batch.remove(CLOSE);
            commit(batch);
            if (closing) {
                forceUnforced();
                writeHeldBeforeClosing();
                return;
            }
        }
    }

    private void commit(List<Pending> entries) {
        if (diskFailure != null && !recover()) {
            failOrHold(entries, new JournalUnavailableException("journal disk failed: " + diskFailure.getMessage(),
                    diskFailure));
            return;
        }
        var batch = entries;
        if (!held.isEmpty()) {
            batch = new ArrayList<>(held);
            batch.addAll(entries);
            LOG.warning("audit journal " + dir + ": writing " + held.size() + " record(s) held while the disk failed");
            held.clear();
        }
        long seqBefore = chain.lastSeq();
        String hashBefore = chain.lastHash();
        var lines = new ArrayList<byte[]>(batch.size());
        var accepted = new ArrayList<Pending>(batch.size());
        var sealed = new ArrayList<SealedRecord>(batch.size());
        var out = new ByteArrayOutputStream();
        for (var p : batch) {
            try {
                var record = p.isRecord() ? chain.append(p.record, p.canonical) : null;
                var line = p.isRecord() ? JournalEntry.record(record) : p.beginLine;
                lines.add(line);
                sealed.add(record);
                accepted.add(p);
                out.writeBytes(line);
            } catch (IllegalArgumentException e) {
                p.future.completeExceptionally(e);
            }
        }
        if (accepted.isEmpty()) {
            return;
        }
        boolean force = accepted.stream().anyMatch(Pending::isRecord);
        try {
            disk.write(channel, ByteBuffer.wrap(out.toByteArray()));
            if (force) {
                disk.force(channel);
                fsyncs.incrementAndGet();
            }
        } catch (IOException | RuntimeException e) {
            rollBack(seqBefore, hashBefore, e);
            var failure = writeFailed(e);
            failOrHold(accepted, failure);
            fail(unforced, failure);
            unforced.clear();
            return;
        }
        if (state.committed(accepted.stream().map(p -> p.isRecord() ? p.resolves : p.requestId).toList(), sealed,
                lines)) {
            LOG.warning("audit journal " + dir + " refuses new requests: " + state.unshippedBytes()
                    + " unshipped bytes reached the cap of " + options.maxUnshippedBytes()
                    + " (audit.max-unshipped-bytes); records of requests already begun are still written");
        }
        accepted.stream().filter(Pending::isRecord).forEach(p -> begun.remove(p.resolves));
        if (!force) {
            unforced.addAll(accepted);
            return;
        }
        for (int i = 0; i < accepted.size(); i++) {
            var record = sealed.get(i);
            accepted.get(i).future.complete(record != null ? record.json() : null);
        }
        unforced.forEach(p -> p.future.complete(null));
        unforced.clear();
        if (state.activeSize() >= options.segmentBytes()) {
            roll();
        }
    }

    /** Forces begins that no record has forced since they were written, and completes them. */
    private void forceUnforced() {
        if (unforced.isEmpty()) {
            return;
        }
        try {
            disk.force(channel);
            fsyncs.incrementAndGet();
            unforced.forEach(p -> p.future.complete(null));
        } catch (IOException | RuntimeException e) {
            rollBack(chain.lastSeq(), chain.lastHash(), e);
            fail(unforced, writeFailed(e));
        }
        unforced.clear();
    }

    /** Cuts the file back to its durable length and the chain back to its durable end: nothing half-written stays. */
    private void rollBack(long seq, String hash, Exception cause) {
        chain = RecordChain.resume(instance, seq, hash);
        if (diskFailure == null) {
            LOG.severe("audit journal " + dir + " cannot write, refusing entries: " + cause);
        }
        diskFailure = cause instanceof IOException io ? io : new IOException(cause);
        try {
            channel.truncate(state.activeSize());
            channel.position(state.activeSize());
        } catch (IOException | RuntimeException e) {
            closeChannel();
        }
    }

    /** Reopens the file if needed and writes and syncs a probe file; true if the disk works again. */
    private boolean recover() {
        try {
            if (channel == null) {
                channel = openActive();
            }
            channel.truncate(state.activeSize());
            channel.position(state.activeSize());
            var probe = dir.resolve("probe.tmp");
            try (var p = FileChannel.open(probe, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                disk.write(p, ByteBuffer.allocate(4096));
                disk.force(p);
            } finally {
                Files.deleteIfExists(probe);
            }
            diskFailure = null;
            LOG.warning("audit journal " + dir + " is writable again");
            return true;
        } catch (IOException | RuntimeException e) {
            diskFailure = e instanceof IOException io ? io : new IOException(e);
            return false;
        }
    }

    private FileChannel openActive() throws IOException {
        var file = state.active();
        var opened = FileChannel.open(file.path, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        opened.position(file.size);
        return opened;
    }

    private void roll() {
        try {
            var path = state.nextPath();
            var next = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            AtomicFiles.syncDirectory(dir);
            state.roll(path);
            var old = channel;
            channel = next;
            old.close();
            LOG.fine("audit journal rolled to " + path);
        } catch (IOException e) {
            LOG.warning("audit journal cannot roll to a new file, continuing in the current one: " + e);
        }
    }

    private void closeChannel() {
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException ignored) {
            // the channel is being abandoned because it failed
        }
        channel = null;
    }

    private static JournalUnavailableException writeFailed(Exception e) {
        return new JournalUnavailableException("journal write failed: " + e.getMessage(), e);
    }

    private JournalUnavailableException overCap() {
        return new JournalUnavailableException("audit backlog of " + state.unshippedBytes()
                + " unshipped bytes reached the cap of " + options.maxUnshippedBytes() + " (store unreachable?)");
    }

    private static void fail(List<Pending> batch, RuntimeException e) {
        batch.forEach(p -> p.future.completeExceptionally(e));
    }

    /** Fails the entries the disk refused, except begun requests' last records, which wait in {@link #held}. */
    private void failOrHold(List<Pending> batch, RuntimeException e) {
        for (var p : batch) {
            if (p.last && p.isRecord() && begun.contains(p.resolves)) {
                held.add(p);
            } else {
                p.future.completeExceptionally(e);
            }
        }
    }

    /** At close: probes a failed disk for a while so that held records are written, not lost with the process. */
    private void writeHeldBeforeClosing() {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CLOSE_HOLD_MILLIS);
        while (!held.isEmpty() && !halted && System.nanoTime() - deadline < 0) {
            commit(List.of());
            if (!held.isEmpty()) {
                try {
                    Thread.sleep(options.probeInterval().toMillis());
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
        forceUnforced();
    }

    /** Writes what is queued, then stops; later entries fail with JournalUnavailableException. */
    @Override
    public void close() throws IOException {
        if (!accepting) {
            return;
        }
        accepting = false;
        queue.add(CLOSE);
        try {
            writer.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        release();
    }

    /** Stops dead, as a crash would: queued entries are not written (tests). */
    void halt() throws IOException {
        accepting = false;
        halted = true;
        writer.interrupt();
        try {
            writer.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        release();
    }

    private void release() throws IOException {
        var left = new ArrayList<Pending>();
        queue.drainTo(left);
        left.remove(CLOSE);
        left.addAll(unforced); // the writer has stopped
        unforced.clear();
        if (!held.isEmpty() && !halted) {
            var ids = new StringBuilder(); // no stream or lambda: at JVM shutdown the class loader may be closed
            for (var p : held) {
                ids.append(ids.length() == 0 ? "" : ", ").append(p.resolves);
            }
            LOG.severe("audit journal " + dir + " closes with " + held.size() + " record(s) the failed disk never took, "
                    + "of requests " + ids + "; their begins, if durable, become interrupted records at the next start");
        }
        left.addAll(held);
        held.clear();
        fail(left, closed);
        closeChannel();
        lock.release();
        lockChannel.close();
    }
}
