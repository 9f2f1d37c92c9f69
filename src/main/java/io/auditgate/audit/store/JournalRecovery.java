package io.auditgate.audit.store;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * Crash recovery at open, after {@link JournalScan} has read the files (and truncated a torn last line): every begin
 * without a record gets the sealed record {@code interrupted} makes of it (the begin entry:
 * {@code {"type":"begin","request_id","at","request"}}), written and forced before the journal takes any new entry,
 * so that every request the previous run accepted leaves exactly one record. Fails with IOException if one cannot be
 * made or written: the gateway then refuses to start.
 */
final class JournalRecovery {

    private static final Logger LOG = Logger.getLogger(JournalRecovery.class.getName());

    private JournalRecovery() {
    }

    /** Records the scan's open begins as interrupted through {@code writer}, which has not started yet. */
    static void recordInterrupted(Path dir, JournalScan scan, Function<JsonObject, JsonObject> interrupted,
            JournalWriter writer) throws IOException {
        if (scan.openBegins.isEmpty()) {
            return;
        }
        var batch = new ArrayList<QueuedEntry>();
        for (var open : scan.openBegins.entrySet()) {
            var record = interrupted.apply(open.getValue().entry());
            Journal.check(record);
            batch.add(QueuedEntry.record(record, open.getKey(), false));
        }
        writer.commitNow(batch);
        for (var p : batch) {
            try {
                p.future().join();
            } catch (RuntimeException e) {
                throw new IOException("cannot record interrupted request " + p.resolves() + ": " + e.getMessage(), e);
            }
        }
        LOG.warning("journal " + dir + ": recorded " + batch.size() + " interrupted request(s) after a crash");
    }
}
