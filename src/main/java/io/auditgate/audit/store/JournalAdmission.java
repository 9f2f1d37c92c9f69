package io.auditgate.audit.store;

import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * Decides, when an entry is queued, whether the journal takes it (issue 14 item 8's cap): nothing once closed; while
 * finishing (a graceful stop) only the records of requests already begun; a new
 * begin or an unbegun record not while the unshipped backlog is at {@code audit.max-unshipped-bytes}; a record of a
 * request already begun always (its model may already have been called). It keeps the set of requests begun and not
 * yet completed by a durable record, bounded by the requests in flight, which {@link HeldRecords} also consults. The
 * cap is checked here only, once per entry: an entry admitted is written even if the backlog crosses the cap
 * meanwhile (by at most the entries in flight). Thread-safe.
 */
final class JournalAdmission {

    private static final Logger LOG = Logger.getLogger(JournalAdmission.class.getName());

    private final Path dir;
    private final JournalState state;
    private final long cap;
    private final Set<String> begun = ConcurrentHashMap.newKeySet();
    private final AtomicLong refusedAtCap = new AtomicLong();
    private volatile boolean accepting = true;
    private volatile boolean finishing;
    /**
     * Made at open, not at close: Payara Micro closes the application's class loader while JVM shutdown hooks (the
     * gateway's drain and close) still run, so close must not load a class for the first time.
     */
    private final JournalUnavailableException closed = new JournalUnavailableException("journal is closed");

    JournalAdmission(Path dir, JournalState state, long cap) {
        this.dir = dir;
        this.state = state;
        this.cap = cap;
    }

    /** Why {@code entry} is refused now, or null; a begin admitted makes its request begun. */
    JournalUnavailableException refusal(QueuedEntry entry) {
        if (!accepting) {
            return closed;
        }
        if (entry.isRecord() && begun.contains(entry.resolves())) {
            return null;
        }
        if (finishing) {
            return closed;
        }
        if (state.overCap()) {
            refusedAtCap.incrementAndGet();
            return overCap();
        }
        if (!entry.isRecord()) {
            begun.add(entry.requestId());
        }
        return null;
    }

    boolean isBegun(String requestId) {
        return begun.contains(requestId);
    }

    /** The request's record is durable: it is no longer exempt from the cap. */
    void completed(String requestId) {
        begun.remove(requestId);
    }

    /** Taking new requests: neither finishing nor closed. */
    boolean isAccepting() {
        return accepting && !finishing;
    }

    /** From now on only the records of requests already begun are taken; every other entry is refused as closed. */
    void finishBegun() {
        finishing = true;
    }

    /** Requests begun whose record is not yet durable. */
    int begunCount() {
        return begun.size();
    }

    /** From now on every entry is refused with {@link #closed()}; false if it was already so. */
    boolean stop() {
        if (!accepting) {
            return false;
        }
        accepting = false;
        return true;
    }

    JournalUnavailableException closed() {
        return closed;
    }

    /** Logs once that the writer's commit brought the backlog to the cap. */
    void reachedCap() {
        LOG.warning("audit journal " + dir + " refuses new requests: " + state.unshippedBytes()
                + " unshipped bytes reached the cap of " + cap
                + " (audit.max-unshipped-bytes); records of requests already begun are still written");
    }

    /** Logs once that shipping brought the backlog under the cap, with how many entries were refused meanwhile. */
    void underCapAgain() {
        LOG.warning("audit journal " + dir + " accepts new requests again: shipping brought the unshipped backlog to "
                + state.unshippedBytes() + " bytes, under the cap of " + cap + "; "
                + refusedAtCap.getAndSet(0) + " entries were refused at the cap meanwhile");
    }

    private JournalUnavailableException overCap() {
        return new JournalUnavailableException("audit backlog of " + state.unshippedBytes()
                + " unshipped bytes reached the cap of " + cap + " (store unreachable?)");
    }
}
