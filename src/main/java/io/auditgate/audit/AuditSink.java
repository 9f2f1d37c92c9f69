package io.auditgate.audit;

import jakarta.json.JsonObject;
import java.util.concurrent.CompletableFuture;

/**
 * The audit trail's I/O edge as the request path uses it: the journal, and in direct mode the store behind it.
 * {@link JournalSink} is the real one; flow tests put a fake here and nowhere else in the audit trail.
 */
public interface AuditSink {

    /** Journals a request's redacted begin entry; completed exceptionally at once when the journal refuses. */
    CompletableFuture<Void> begin(String requestId, JsonObject requestPart);

    /** Appends a complete record; completes with the sealed record once it is durable (fsync). */
    CompletableFuture<JsonObject> append(JsonObject unsealedRecord);

    /**
     * Appends a request's last record (a refusal): if its begin is journaled and the disk fails, the record is held
     * in memory and written once the disk works.
     */
    CompletableFuture<JsonObject> appendLast(JsonObject unsealedRecord);

    /**
     * Completes once the store holds the record {@code seq} (and every one before it): at once unless the trail is
     * in direct mode.
     */
    CompletableFuture<Void> stored(long seq);

    /** False while requests would be refused: the journal cannot write, or (direct mode) the store is failing. */
    boolean isWritable();

    /** The journal's records not yet in the store. */
    long backlogRecords();
}
