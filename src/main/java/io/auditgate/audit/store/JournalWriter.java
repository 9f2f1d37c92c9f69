package io.auditgate.audit.store;

import io.auditgate.process.Worker;
import io.auditgate.audit.chain.RecordChain;
import io.auditgate.audit.chain.SealedRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The journal's one writer thread, {@code audit-journal-<instance>}, and its group commit: it takes every queued
 * entry (up to {@link JournalOptions#maxBatchEntries}), seals the records with the {@link RecordChain} in that order,
 * writes them in one write, forces the file once and completes all their futures. The chain, the file and the lists
 * below belong to this thread alone, so sealing needs no lock. A failed write rolls the file and the chain back to
 * their durable end and fails (or {@link HeldRecords holds}) the batch; while the disk is failed each batch, and an
 * idle poll every {@link JournalOptions#probeInterval}, first probes it.
 */
final class JournalWriter {

    /**
     * How long a written begin may wait for an fsync of its own. A batch of begins only is written but not
     * forced: the model is called without waiting for it, and the record that normally follows within
     * milliseconds forces both; only when none comes in this time is the file forced for the begins alone.
     * At low concurrency this halves the fsyncs per request (docs/performance.md).
     */
    static final long BEGIN_FORCE_DELAY_MILLIS = 20;

    /** How long {@link #stop} keeps probing a failed disk for records it holds before it gives them up. */
    static final long CLOSE_HOLD_MILLIS = 10_000;

    private final JournalOptions options;
    private final JournalState state;
    private final JournalAdmission admission;
    private final JournalChannel file;
    private final HeldRecords held;
    private final BlockingQueue<QueuedEntry> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean halted;
    private RecordChain chain;
    private final List<QueuedEntry> unforced = new ArrayList<>(); // begins written, not yet forced

    JournalWriter(String instance, JournalOptions options, JournalState state, JournalAdmission admission,
            JournalChannel file, HeldRecords held, RecordChain chain) {
        this.options = options;
        this.state = state;
        this.admission = admission;
        this.file = file;
        this.held = held;
        this.chain = chain;
        this.thread = Worker.JOURNAL.thread(instance, this::run);
    }

    void start() {
        thread.start();
    }

    /** Queues an admitted entry; its future completes once it is durable, or fails. */
    void enqueue(QueuedEntry entry) {
        queue.add(entry);
    }

    /** Writes {@code entries} in the calling thread; only before {@link #start} (recovery at open). */
    void commitNow(List<QueuedEntry> entries) {
        commit(entries);
    }

    /** Writes what is queued (and held records, for up to {@link #CLOSE_HOLD_MILLIS}), then stops. */
    void stop() {
        queue.add(QueuedEntry.CLOSE);
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops dead, as a crash would: queued entries are not written. */
    void halt() {
        halted = true;
        thread.interrupt();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Once stopped: fails every entry not written with {@code closed} and closes the file. */
    void abandon(JournalUnavailableException closed) {
        var left = new ArrayList<QueuedEntry>();
        queue.drainTo(left);
        left.remove(QueuedEntry.CLOSE);
        left.addAll(unforced); // the thread has stopped
        unforced.clear();
        left.addAll(held.abandon(halted));
        fail(left, closed);
        file.close();
    }

    private void run() {
        var batch = new ArrayList<QueuedEntry>();
        while (!halted) {
            QueuedEntry first;
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
                } else if (file.isFailed() || !held.isEmpty()) {
                    commit(List.of()); // probes the disk and writes the held records if it works
                }
                continue;
            }
            batch.clear();
            batch.add(first);
            queue.drainTo(batch, options.maxBatchEntries() - 1);
            boolean closing = batch.remove(QueuedEntry.CLOSE);
            commit(batch);
            if (closing) {
                forceUnforced();
                writeHeldBeforeClosing();
                return;
            }
        }
    }

    private void commit(List<QueuedEntry> entries) {
        if (file.isFailed() && !file.recover()) {
            held.failOrHold(entries, new JournalUnavailableException(
                    "journal disk failed: " + file.failure().getMessage(), file.failure()));
            return;
        }
        var batch = held.before(entries);
        long seqBefore = chain.lastSeq();
        String hashBefore = chain.lastHash();
        var lines = new ArrayList<byte[]>(batch.size());
        var accepted = new ArrayList<QueuedEntry>(batch.size());
        var sealed = new ArrayList<SealedRecord>(batch.size());
        var out = new ByteArrayOutputStream();
        for (var p : batch) {
            try {
                var record = p.isRecord() ? chain.append(p.record(), p.canonical()) : null;
                var line = p.isRecord() ? JournalEntry.record(record) : p.beginLine();
                lines.add(line);
                sealed.add(record);
                accepted.add(p);
                out.writeBytes(line);
            } catch (IllegalArgumentException e) {
                p.future().completeExceptionally(e);
            }
        }
        if (accepted.isEmpty()) {
            return;
        }
        boolean force = accepted.stream().anyMatch(QueuedEntry::isRecord);
        try {
            file.write(out.toByteArray());
            if (force) {
                file.force();
            }
        } catch (IOException | RuntimeException e) {
            rollBack(seqBefore, hashBefore, e);
            var failure = writeFailed(e);
            held.failOrHold(accepted, failure);
            fail(unforced, failure);
            unforced.clear();
            return;
        }
        if (state.committed(accepted.stream().map(QueuedEntry::request).toList(), sealed, lines)) {
            admission.reachedCap();
        }
        accepted.stream().filter(QueuedEntry::isRecord).forEach(p -> admission.completed(p.resolves()));
        if (!force) {
            unforced.addAll(accepted);
            return;
        }
        for (int i = 0; i < accepted.size(); i++) {
            var record = sealed.get(i);
            accepted.get(i).future().complete(record != null ? record.json() : null);
        }
        unforced.forEach(p -> p.future().complete(null));
        unforced.clear();
        if (state.activeSize() >= options.segmentBytes()) {
            file.roll();
        }
    }

    /** Forces begins that no record has forced since they were written, and completes them. */
    private void forceUnforced() {
        if (unforced.isEmpty()) {
            return;
        }
        try {
            file.force();
            unforced.forEach(p -> p.future().complete(null));
        } catch (IOException | RuntimeException e) {
            rollBack(chain.lastSeq(), chain.lastHash(), e);
            fail(unforced, writeFailed(e));
        }
        unforced.clear();
    }

    /** Cuts the file back to its durable length and the chain back to its durable end: nothing half-written stays. */
    private void rollBack(long seq, String hash, Exception cause) {
        chain = RecordChain.resume(chain.instance(), seq, hash);
        file.rollBack(cause);
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

    private static JournalUnavailableException writeFailed(Exception e) {
        return new JournalUnavailableException("journal write failed: " + e.getMessage(), e);
    }

    private static void fail(List<QueuedEntry> batch, RuntimeException e) {
        batch.forEach(p -> p.future().completeExceptionally(e));
    }
}
