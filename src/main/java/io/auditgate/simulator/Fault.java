package io.auditgate.simulator;

import java.util.Optional;

/** The faults that can be injected, by the name used in {@code x-sim-fault} and the admin API. */
enum Fault {
    THROTTLE("throttle", BedrockError.THROTTLING, "Too many tokens, please wait before trying again."),
    MODEL_NOT_READY("model-not-ready", BedrockError.MODEL_NOT_READY,
            "Model is not ready for inference. Wait and try your request again."),
    MODEL_TIMEOUT("model-timeout", BedrockError.MODEL_TIMEOUT,
            "Model has timed out in processing the request. Try your request again."),
    INTERNAL("internal", BedrockError.INTERNAL_SERVER,
            "The system encountered an unexpected error during processing. Try your request again."),
    UNAVAILABLE("unavailable", BedrockError.SERVICE_UNAVAILABLE,
            "Bedrock is unable to process your request."),
    MODEL_ERROR("model-error", BedrockError.MODEL_ERROR,
            "The model returned an error while processing the request. Try your request again."),
    VALIDATION("validation", BedrockError.VALIDATION,
            "Malformed input request, please reformat your input and try again."),
    QUOTA("quota", BedrockError.SERVICE_QUOTA_EXCEEDED,
            "Your request exceeds the service quota for your account. You can resubmit your request later."),
    ACCESS_DENIED("access-denied", BedrockError.ACCESS_DENIED,
            "You don't have access to the model with the specified model ID."),
    NOT_FOUND("not-found", BedrockError.RESOURCE_NOT_FOUND,
            "Could not resolve the foundation model from the provided model identifier."),
    HANG("hang", null, null),
    LATENCY("latency", null, null),
    MALFORMED("malformed", null, null),
    STREAM_ERROR("stream-error", BedrockError.INTERNAL_SERVER,
            "The system encountered an unexpected error during processing. Try your request again."),
    STREAM_THROTTLE("stream-throttle", BedrockError.THROTTLING, "Too many tokens, please wait before trying again."),
    STREAM_DROP("stream-drop", null, null),
    STREAM_STALL("stream-stall", null, null);

    /** The idle gap of a {@code stream-stall} that names none. */
    static final long DEFAULT_STALL_MS = 5_000;

    private final String wireName;
    private final BedrockError error;
    private final String message;

    Fault(String wireName, BedrockError error, String message) {
        this.wireName = wireName;
        this.error = error;
        this.message = message;
    }

    String wireName() {
        return wireName;
    }

    /** Whether the fault happens inside a stream, after some deltas, when the operation streams. */
    boolean midStream() {
        return this == STREAM_ERROR || this == STREAM_THROTTLE || this == STREAM_DROP || this == STREAM_STALL;
    }

    String message() {
        return message;
    }

    /** The error this fault answers with on a non-streaming operation, if it is an error at all. */
    Optional<BedrockFailure> failure() {
        return error == null ? Optional.empty() : Optional.of(new BedrockFailure(error, message));
    }

    static Optional<Fault> named(String wireName) {
        for (Fault fault : values()) {
            if (fault.wireName.equals(wireName)) {
                return Optional.of(fault);
            }
        }
        return Optional.empty();
    }
}
