package io.auditgate.queries;

/** A command line or parameter the runner cannot use; its message is one line for the user (exit status 2). */
final class UsageException extends RuntimeException {

    UsageException(String message) {
        super(message);
    }
}
