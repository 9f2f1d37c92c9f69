package io.auditgate.audit.store;

/**
 * The journal could not make an entry durable: the disk failed or is full, the unshipped backlog is over its cap,
 * or the journal is closed. The entry is not in the trail; the gateway answers 503 audit-unavailable and does not
 * call (or answer from) the model.
 */
public final class JournalUnavailableException extends RuntimeException {

    public JournalUnavailableException(String message) {
        super(message);
    }

    public JournalUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
