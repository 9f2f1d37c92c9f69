package io.auditgate.audit.store;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Write-once storage for segments and digests. Keys are full keys (prefix included). {@link #put} never deletes or
 * overwrites: an existing object with the same {@code sha256} metadata counts as stored (a re-put after a crash),
 * one with other content fails with {@link AuditConflictException}. An unreachable store is an IOException.
 */
public interface AuditStore extends AutoCloseable {

    /** What a put found. */
    enum Put { CREATED, ALREADY_STORED }

    Put put(AuditObject object) throws IOException;

    /** All keys starting with {@code keyPrefix}, sorted. */
    List<String> list(String keyPrefix) throws IOException;

    /** An object's bytes, empty if there is none. */
    Optional<byte[]> read(String key) throws IOException;

    /** Where the store is, for log lines. */
    String describe();

    @Override
    default void close() {
    }
}
