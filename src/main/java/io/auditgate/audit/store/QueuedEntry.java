package io.auditgate.audit.store;

import io.auditgate.audit.chain.CanonicalJson;
import jakarta.json.JsonObject;
import java.util.concurrent.CompletableFuture;

/**
 * An entry waiting for the journal's writer: a begin (its line, made by the caller) or a record (unsealed, and its
 * canonical text around {@code chain}, also made by the caller, so that the one writer thread only hashes and joins
 * text: measured, see docs/performance.md); {@code resolves} is the id of the begin a record completes; {@code last}:
 * the request's last record ({@link Journal#appendLast}), held in memory while the disk fails instead of refused.
 * Its future completes once the entry is durable (with the sealed record, or null for a begin).
 */
record QueuedEntry(String requestId, byte[] beginLine, JsonObject record, CanonicalJson.Hole canonical,
        String resolves, boolean last, CompletableFuture<JsonObject> future) {

    /** Tells the writer to write what is queued before it, then stop. */
    static final QueuedEntry CLOSE = new QueuedEntry(null, null, null, null, null, false, null);

    static QueuedEntry begin(String requestId, byte[] line) {
        return new QueuedEntry(requestId, line, null, null, null, false, new CompletableFuture<>());
    }

    static QueuedEntry record(JsonObject unsealed, String resolves, boolean last) {
        return new QueuedEntry(null, null, unsealed, CanonicalJson.around(unsealed, "chain"), resolves, last,
                new CompletableFuture<>());
    }

    boolean isRecord() {
        return record != null;
    }

    /** The request this entry belongs to: the begun one, or the one the record completes. */
    String request() {
        return isRecord() ? resolves : requestId;
    }
}
