package io.auditgate.verifier;

/** Where one record was read and the chain values it claims, for the checks across segments. */
record RecordRef(String instance, long seq, String prevHash, String hash, String key, int line) {

    String where() {
        return "key=" + key + " line=" + line + " seq=" + seq;
    }
}
