package io.auditgate.audit.store;

import java.io.IOException;

/**
 * An audit object already exists under the key with different content. It is never replaced: the shipper stops at
 * this segment, keeps its records in the journal and raises the alarm; an operator must investigate.
 */
public final class AuditConflictException extends IOException {

    private final String key;

    public AuditConflictException(String key, String reason) {
        super("ALARM audit object conflict, not overwritten: key=" + key + " " + reason);
        this.key = key;
    }

    public String key() {
        return key;
    }
}
