package io.auditgate.simulator;

/**
 * Thrown to drop the connection on purpose: it leaves the handler unanswered, and the JDK server then closes the
 * socket without the final chunk, as a crashed upstream or a cut network would.
 */
final class DroppedConnection extends RuntimeException {

    DroppedConnection() {
        super("connection dropped on purpose", null, false, false);
    }
}
