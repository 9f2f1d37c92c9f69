package io.auditgate.verifier;

/**
 * Where one record was read, the chain values it claims and its {@code record_id} (null if it has none), for the
 * checks across segments.
 */
record RecordRef(String instance, long seq, String prevHash, String hash, String key, int line, String recordId) {

    String where() {
        return "key=" + key + " line=" + line + " seq=" + seq;
    }
}
