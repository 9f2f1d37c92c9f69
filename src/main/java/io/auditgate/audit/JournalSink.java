package io.auditgate.audit;

import io.auditgate.audit.store.Journal;
import io.auditgate.audit.store.Shipper;
import jakarta.json.JsonObject;
import java.util.concurrent.CompletableFuture;

/** The real {@link AuditSink}: the journal, and in direct mode the shipper's store. */
final class JournalSink implements AuditSink {

    private final Journal journal;
    private final Shipper shipper;
    private final boolean direct;

    JournalSink(Journal journal, Shipper shipper, boolean direct) {
        this.journal = journal;
        this.shipper = shipper;
        this.direct = direct;
    }

    @Override
    public CompletableFuture<Void> begin(String requestId, JsonObject requestPart) {
        return journal.begin(requestId, requestPart);
    }

    @Override
    public CompletableFuture<JsonObject> append(JsonObject unsealedRecord) {
        return journal.append(unsealedRecord);
    }

    @Override
    public CompletableFuture<JsonObject> appendLast(JsonObject unsealedRecord) {
        return journal.appendLast(unsealedRecord);
    }

    @Override
    public CompletableFuture<Void> stored(long seq) {
        return direct ? shipper.shipThrough(seq) : CompletableFuture.completedFuture(null);
    }

    /**
     * When not writable, the shipper is told to probe the store soon instead of at the end of its back-off, so that
     * service resumes within seconds of the store's return (asked by every refused request and readiness check).
     */
    @Override
    public boolean isWritable() {
        if (journal.isWritable() && !(direct && shipper.isFailing())) {
            return true;
        }
        shipper.expedite();
        return false;
    }

    @Override
    public long backlogRecords() {
        return shipper.backlogRecords();
    }
}
