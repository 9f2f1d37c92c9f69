package io.auditgate.audit.store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * The last records of begun requests that the failed disk refused (issue 14 item 8): instead of failing them, the
 * writer keeps them here and writes them, before any newer entry, as soon as a probe finds the disk working again; so
 * the trail gets the request's true outcome instead of "interrupted" at the next start. Every other refused entry
 * fails at once. Bounded by the requests in flight. Writer thread only (and {@link Journal#close} once the writer has
 * stopped).
 */
final class HeldRecords {

    private static final Logger LOG = Logger.getLogger(HeldRecords.class.getName());

    private final Path dir;
    private final JournalAdmission admission;
    private final List<QueuedEntry> held = new ArrayList<>();

    HeldRecords(Path dir, JournalAdmission admission) {
        this.dir = dir;
        this.admission = admission;
    }

    /** Fails the entries the disk refused, except begun requests' last records, which are held. */
    void failOrHold(List<QueuedEntry> batch, RuntimeException e) {
        for (var p : batch) {
            if (p.last() && p.isRecord() && admission.isBegun(p.resolves())) {
                held.add(p);
            } else {
                p.future().completeExceptionally(e);
            }
        }
    }

    boolean isEmpty() {
        return held.isEmpty();
    }

    /** The held records followed by {@code entries}, to be written now; nothing is held any more. */
    List<QueuedEntry> before(List<QueuedEntry> entries) {
        if (held.isEmpty()) {
            return entries;
        }
        var batch = new ArrayList<>(held);
        batch.addAll(entries);
        LOG.warning("audit journal " + dir + ": writing " + held.size() + " record(s) held while the disk failed");
        held.clear();
        return batch;
    }

    /**
     * The writer stopped with records held: they are lost with the process (their begins, if durable, become
     * interrupted records at the next start); logged as SEVERE unless it stopped as a crash would ({@code quiet}).
     */
    List<QueuedEntry> abandon(boolean quiet) {
        if (!held.isEmpty() && !quiet) {
            var ids = new StringBuilder(); // no stream or lambda: at JVM shutdown the class loader may be closed
            for (var p : held) {
                ids.append(ids.length() == 0 ? "" : ", ").append(p.resolves());
            }
            LOG.severe("audit journal " + dir + " closes with " + held.size() + " record(s) the failed disk never took, "
                    + "of requests " + ids + "; their begins, if durable, become interrupted records at the next start");
        }
        var left = new ArrayList<>(held);
        held.clear();
        return left;
    }
}
