package io.auditgate.audit.store;

import io.auditgate.process.Worker;
import io.auditgate.audit.chain.SealedRecord;
import io.auditgate.audit.chain.Segment;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * Ships the journal's durable records to the store, in seq order, as segments keyed by instance and seq range (so a
 * re-ship after a crash finds its own object), and drives the digester. A segment is cut at {@code maxRecords},
 * {@code maxBytes} or when the oldest unshipped record is {@code maxAge} old; {@link #drain} ships everything and
 * signs a digest, {@link #end} does so as the chain's clean end at a graceful stop. While the store fails, records stay in the journal and attempts back off exponentially with
 * jitter; one WARNING marks when the store starts failing and one when it is back. While the gateway refuses
 * requests because of it (the journal at its cap, or direct mode), the back-off is cut short: the store is probed
 * every {@link #PROBE_INTERVAL}, so service resumes within seconds of its return. One daemon thread does all of it.
 */
public final class Shipper implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Shipper.class.getName());

    /** While requests are refused, the longest wait between two attempts, however far the back-off has grown. */
    public static final Duration PROBE_INTERVAL = Duration.ofSeconds(1);

    private final Journal journal;
    private final AuditStore store;
    private final Digester digester;
    private final String prefix;
    private final ShipperOptions options;
    private final ScheduledExecutorService executor;
    private final AtomicLong segmentsShipped = new AtomicLong();
    private int failures;
    private volatile long nextAttemptNanos;
    private volatile long lastFailureNanos;
    private boolean digestDue;
    private volatile boolean failing;

    public Shipper(Journal journal, AuditStore store, Digester digester, AuditOptions audit, ShipperOptions options) {
        this.journal = Objects.requireNonNull(journal, "journal");
        this.store = Objects.requireNonNull(store, "store");
        this.digester = Objects.requireNonNull(digester, "digester");
        this.prefix = audit.prefix();
        this.options = Objects.requireNonNull(options, "options");
        this.executor = Executors.newSingleThreadScheduledExecutor(Worker.SHIPPER.factory(journal.instance()));
    }

    /** Starts polling for due segments and signing digests on their cadence. */
    public void start() {
        long poll = options.pollInterval().toMillis();
        long digest = options.digestInterval().toMillis();
        executor.scheduleWithFixedDelay(this::tick, poll, poll, TimeUnit.MILLISECONDS);
        executor.scheduleAtFixedRate(() -> {
            digestDue = true;
            tick();
        }, digest, digest, TimeUnit.MILLISECONDS);
    }

    /**
     * The start-up drain: ships every durable record and stores a digest, in one attempt each, on the shipper's
     * thread. An unreachable store is an IOException; nothing is lost, the records stay in the journal for the next
     * start. A graceful stop uses {@link #end} instead.
     */
    public void drain() throws IOException {
        onShipperThread(() -> {
            ship(true);
            digester.digest();
        });
    }

    /**
     * The last step of a graceful stop, once the journal takes nothing more ({@link Journal#finish}): ships every
     * record and signs the chain's clean end ({@link Digester#end}) with the journal's last seq, in one attempt each.
     * Returns that seq. If the store is unreachable, or a record is still unshipped, no clean end is written (an
     * IOException): the chain stays open, which is what the verifier must see if this instance never returns.
     */
    public long end() throws IOException {
        var last = new long[1];
        onShipperThread(() -> {
            ship(true);
            if (journal.unshippedRecords() > 0 || journal.shippedSeq() != journal.lastSeq()) {
                throw new IOException("records left unshipped after seq " + journal.shippedSeq() + "; no clean end");
            }
            last[0] = journal.lastSeq();
            digester.end(last[0]);
        });
        return last[0];
    }

    /** A step that ships or digests, run on the shipper's thread after whatever it is doing. */
    private interface Step {
        void run() throws IOException;
    }

    private void onShipperThread(Step step) throws IOException {
        try {
            executor.submit(() -> {
                step.run();
                digestDue = false;
                succeeded();
                return null;
            }).get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while draining the audit journal", e);
        }
    }

    /**
     * Direct mode: ships every durable record up to {@code seq} now, on the shipper's thread, and completes once
     * the store holds it. Concurrent callers share puts: the first ships everything durable so far, later ones find
     * their record shipped. While the store is failing and the next retry is not yet due, fails at once without a
     * put (the background retries go on); the record stays in the journal either way.
     */
    public CompletableFuture<Void> shipThrough(long seq) {
        if (journal.shippedSeq() >= seq) {
            return CompletableFuture.completedFuture(null);
        }
        if (failing && System.nanoTime() - nextAttemptNanos < 0) {
            return CompletableFuture.failedFuture(new IOException("audit store " + store.describe() + " unavailable"));
        }
        var stored = new CompletableFuture<Void>();
        try {
            executor.execute(() -> {
                try {
                    if (journal.shippedSeq() < seq) {
                        ship(true);
                        succeeded();
                    }
                    stored.complete(null);
                } catch (IOException | RuntimeException e) {
                    failed(e);
                    stored.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            stored.completeExceptionally(new IOException("audit shipper stopped", e));
        }
        return stored;
    }

    /** Records durable in the journal but not yet in the store. */
    public long backlogRecords() {
        return journal.unshippedRecords();
    }

    public long backlogBytes() {
        return journal.unshippedBytes();
    }

    /**
     * Requests are being refused for want of the store (the journal at its cap, or direct mode while failing): the
     * next attempt comes at most {@link #PROBE_INTERVAL} after the last failed one instead of at the end of the
     * back-off. Cheap and safe to call from every refused request; at most one probe per interval results.
     */
    public void expedite() {
        if (!failing) {
            return;
        }
        long soon = lastFailureNanos + PROBE_INTERVAL.toNanos();
        if (soon - nextAttemptNanos < 0) {
            nextAttemptNanos = soon;
        }
    }

    /** True between a failed attempt and the next successful one. */
    public boolean isFailing() {
        return failing;
    }

    public long segmentsShipped() {
        return segmentsShipped.get();
    }

    private void tick() {
        if (journal.isAtCap()) { // the journal refuses new requests until shipping makes room: do not wait a minute
            expedite();
        }
        if (System.nanoTime() - nextAttemptNanos < 0) {
            return;
        }
        try {
            ship(false);
            if (digestDue) {
                digester.digest();
                digestDue = false;
            }
            succeeded();
        } catch (IOException | RuntimeException e) {
            failed(e);
        }
    }

    private void ship(boolean everything) throws IOException {
        while (journal.unshippedRecords() > 0 && (everything || due())) {
            var records = nextSegment();
            if (records.isEmpty()) {
                return;
            }
            var segment = Segment.ofSealed(records);
            journal.markShipping(segment.lastSeq());
            store.put(AuditObject.segment(segment, prefix));
            digester.add(segment.entry(prefix));
            journal.markShipped(records.get(records.size() - 1).link());
            segmentsShipped.incrementAndGet();
        }
    }

    /** The next segment's records: exactly the one a crash interrupted mid-put, if any, else up to the limits. */
    private List<SealedRecord> nextSegment() throws IOException {
        long shipped = journal.shippedSeq();
        long interrupted = journal.shippingSeq() - shipped;
        if (interrupted > 0) {
            return journal.sealedSince(shipped, (int) Math.min(interrupted, Integer.MAX_VALUE), Long.MAX_VALUE);
        }
        return journal.sealedSince(shipped, options.maxRecords(), options.maxBytes());
    }

    private boolean due() {
        return journal.unshippedRecords() >= options.maxRecords() || journal.unshippedBytes() >= options.maxBytes()
                || journal.oldestUnshipped().map(t -> !t.plus(options.maxAge()).isAfter(Instant.now())).orElse(false);
    }

    private void succeeded() {
        failures = 0;
        nextAttemptNanos = System.nanoTime();
        if (failing) {
            failing = false;
            LOG.warning("audit shipping to " + store.describe() + " recovered; backlog now " + backlogRecords()
                    + " records");
        }
    }

    private void failed(Exception e) {
        failures++;
        var delay = backoff(failures);
        lastFailureNanos = System.nanoTime();
        nextAttemptNanos = lastFailureNanos + delay.toNanos();
        if (!failing) {
            failing = true;
            LOG.warning("audit shipping to " + store.describe() + " failing; keeping " + backlogRecords()
                    + " records (" + backlogBytes() + " bytes) in the journal and retrying with backoff: " + e);
        } else {
            LOG.fine("audit shipping attempt " + failures + " failed, next in " + delay.toMillis() + " ms: " + e);
        }
    }

    /** Exponential from the initial delay, capped, with "equal jitter": half fixed, half random. */
    private Duration backoff(int attempt) {
        long initial = options.initialBackoff().toMillis();
        long cap = options.maxBackoff().toMillis();
        long base = attempt >= 31 ? cap : Math.min(cap, initial << Math.min(attempt - 1, 30));
        return Duration.ofMillis(base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1));
    }

    /** Stops the background thread without shipping; call {@link #drain} first for a graceful stop. */
    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
