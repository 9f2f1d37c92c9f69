package io.auditgate.simulator;

import java.util.Optional;

/** The model operations of Bedrock Runtime, named by the last segment of their path. */
enum Operation {
    CONVERSE("converse", false),
    CONVERSE_STREAM("converse-stream", true),
    INVOKE("invoke", false),
    INVOKE_STREAM("invoke-with-response-stream", true);

    private final String pathName;
    private final boolean streaming;

    Operation(String pathName, boolean streaming) {
        this.pathName = pathName;
        this.streaming = streaming;
    }

    String pathName() {
        return pathName;
    }

    boolean streaming() {
        return streaming;
    }

    static Optional<Operation> named(String pathName) {
        for (Operation operation : values()) {
            if (operation.pathName.equals(pathName)) {
                return Optional.of(operation);
            }
        }
        return Optional.empty();
    }
}
