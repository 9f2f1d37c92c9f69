package io.auditgate.verifier;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Read-only access to an audit store. Keys are relative to the store's root (the S3 prefix, or the local
 * directory) and start with {@code records/} or {@code digests/}. Failures to reach the store are IOExceptions;
 * an object that is simply absent is an empty Optional.
 */
public interface Store extends AutoCloseable {

    /** All keys under {@code folder} (e.g. {@code "records/"}), sorted, without sidecar files. */
    List<String> list(String folder) throws IOException;

    /** The object's bytes, or empty if there is no such object. */
    Optional<byte[]> read(String key) throws IOException;

    /** The object's user metadata (names lower-case), empty if it has none or does not exist. */
    Map<String, String> metadata(String key) throws IOException;

    /**
     * Keys under {@code folder} that hold more than their current version: how many versions (delete markers
     * included) each has. A store without versions (a local directory: an object there has one copy) has none.
     */
    default Map<String, Integer> extraVersions(String folder) throws IOException {
        return Map.of();
    }

    /** Where this store is, for messages. */
    String describe();

    @Override
    default void close() {
    }
}
