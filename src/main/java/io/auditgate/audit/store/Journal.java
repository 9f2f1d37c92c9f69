package io.auditgate.audit.store;

import io.auditgate.audit.chain.ChainLink;
import io.auditgate.audit.chain.RecordChain;
import io.auditgate.audit.chain.SealedRecord;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The instance's append-only audit journal on local disk. {@link #begin} and {@link #append} return futures that
 * complete only once the entry is fsync'd; one writer thread group-commits them ({@link JournalWriter}). It fails
 * closed: when the disk fails or the unshipped backlog exceeds its cap, futures fail with
 * {@link JournalUnavailableException} and {@link #isWritable()} is false until a probe or a write succeeds again.
 * The shipper reads durable records with {@link #sealedSince} and acknowledges them with {@link #markShipped}.
 *
 * <p>This class is the journal's API and its assembly; each concern lives in its own class: {@link JournalLock} (one
 * journal per directory), {@link JournalScan} and {@link JournalRecovery} (crash recovery at open),
 * {@link JournalAdmission} (closed, the cap, the begun requests exempt from it), {@link JournalWriter} (the group
 * commit), {@link JournalChannel} (the active file, disk failure and probe, rolling), {@link HeldRecords} (last
 * records kept while the disk fails), {@link JournalState} (files, backlog, shipped mark, the in-memory recent window
 * and the read-back for the shipper).
 */
public final class Journal implements AutoCloseable {

    /** See {@link JournalWriter#BEGIN_FORCE_DELAY_MILLIS}. */
    static final long BEGIN_FORCE_DELAY_MILLIS = JournalWriter.BEGIN_FORCE_DELAY_MILLIS;

    /** How long {@link #close} keeps probing a failed disk for records it holds before it gives them up. */
    static final long CLOSE_HOLD_MILLIS = JournalWriter.CLOSE_HOLD_MILLIS;

    private static final long FINISH_POLL_MILLIS = 20;

    private final String instance;
    private final JournalLock lock;
    private final JournalState state;
    private final JournalAdmission admission;
    private final JournalChannel file;
    private final JournalWriter writer;
    private volatile boolean released;

    private Journal(String instance, JournalLock lock, JournalState state, JournalAdmission admission,
            JournalChannel file, JournalWriter writer) {
        this.instance = instance;
        this.lock = lock;
        this.state = state;
        this.admission = admission;
        this.file = file;
        this.writer = writer;
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
        var lock = JournalLock.take(dir);
        JournalChannel file = null;
        try {
            var shipped = ShippedMark.read(dir, instance);
            var scan = JournalScan.of(dir, instance, shipped);
            var chain = scan.lastRecord != null ? RecordChain.resumeAfter(scan.lastRecord)
                    : RecordChain.resume(instance, shipped.seq(), shipped.hash());
            var state = new JournalState(dir, instance, shipped, scan, options.maxUnshippedBytes());
            var admission = new JournalAdmission(dir, state, options.maxUnshippedBytes());
            file = JournalChannel.open(dir, state, disk);
            var writer = new JournalWriter(instance, options, state, admission, file, new HeldRecords(dir, admission),
                    chain);
            JournalRecovery.recordInterrupted(dir, scan, interrupted, writer);
            state.deleteShipped();
            writer.start();
            return new Journal(instance, lock, state, admission, file, writer);
        } catch (IOException | RuntimeException e) {
            if (file != null) {
                file.close();
            }
            lock.close();
            throw e;
        }
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
        var pending = QueuedEntry.begin(requestId, line);
        var refused = admission.refusal(pending);
        if (refused != null) {
            return CompletableFuture.failedFuture(refused);
        }
        writer.enqueue(pending);
        return pending.future().thenApply(sealed -> null);
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
        QueuedEntry pending;
        try {
            check(unsealedRecord);
            pending = QueuedEntry.record(unsealedRecord, JournalEntry.recordId(unsealedRecord), last);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
        var refused = admission.refusal(pending);
        if (refused != null) {
            return CompletableFuture.failedFuture(refused);
        }
        writer.enqueue(pending);
        return pending.future();
    }

    /** Refuses a record that is sealed already or lacks {@code times.received}: segments need it. */
    static void check(JsonObject record) {
        if (record.containsKey("chain")) {
            throw new IllegalArgumentException("record is already sealed");
        }
        try {
            Instant.parse(record.getJsonObject("times").getString("received"));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("record lacks times.received as an ISO-8601 instant", e);
        }
    }

    /** False while new requests would be refused: disk failure, unshipped backlog over its cap, or closed. */
    public boolean isWritable() {
        return admission.isAccepting() && !file.isFailed() && !state.overCap();
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
            admission.underCapAgain();
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
        return file.forces();
    }

    public String instance() {
        return instance;
    }

    /**
     * A graceful stop's end of the chain: refuses new requests at once, lets the requests already begun write their
     * record for up to {@code grace}, then writes what is queued and takes nothing more. The records stay readable, so
     * the shipper can ship them all and sign the chain's clean end before {@link #close}. Returns how many begun
     * requests got no record within the grace (their begins are recorded as interrupted at the next start).
     */
    public int finish(Duration grace) {
        admission.finishBegun();
        long deadline = System.nanoTime() + grace.toNanos();
        while (admission.begunCount() > 0 && System.nanoTime() - deadline < 0) {
            try {
                Thread.sleep(FINISH_POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        int unfinished = admission.begunCount();
        if (admission.stop()) {
            writer.stop();
        }
        return unfinished;
    }

    /** Writes what is queued, then stops; later entries fail with JournalUnavailableException. */
    @Override
    public void close() throws IOException {
        if (admission.stop()) {
            writer.stop();
        }
        if (!released) {
            release();
        }
    }

    /** Stops dead, as a crash would: queued entries are not written (tests). */
    void halt() throws IOException {
        admission.stop();
        writer.halt();
        release();
    }

    private void release() throws IOException {
        released = true;
        writer.abandon(admission.closed());
        lock.close();
    }
}
