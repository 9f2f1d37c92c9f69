package io.auditgate.simulator;

/** A request the simulator answers with a modeled error; thrown from anywhere in request handling. */
final class BedrockFailure extends RuntimeException {

    private final BedrockError error;

    BedrockFailure(BedrockError error, String message) {
        super(message, null, false, false);
        this.error = error;
    }

    BedrockError error() {
        return error;
    }
}
