package io.auditgate.simulator;

/** The error types the simulator answers with, each with the HTTP status the real service uses for it. */
enum BedrockError {
    VALIDATION("ValidationException", 400),
    SERVICE_QUOTA_EXCEEDED("ServiceQuotaExceededException", 400),
    ACCESS_DENIED("AccessDeniedException", 403),
    MISSING_AUTHENTICATION_TOKEN("MissingAuthenticationTokenException", 403),
    RESOURCE_NOT_FOUND("ResourceNotFoundException", 404),
    UNKNOWN_OPERATION("UnknownOperationException", 404),
    METHOD_NOT_ALLOWED("MethodNotAllowedException", 405),
    MODEL_TIMEOUT("ModelTimeoutException", 408),
    MODEL_ERROR("ModelErrorException", 424),
    THROTTLING("ThrottlingException", 429),
    MODEL_NOT_READY("ModelNotReadyException", 429),
    INTERNAL_SERVER("InternalServerException", 500),
    SERVICE_UNAVAILABLE("ServiceUnavailableException", 503);

    private static final String NAMESPACE = ":http://internal.amazon.com/coral/com.amazon.bedrock/";

    private final String typeName;
    private final int status;

    BedrockError(String typeName, int status) {
        this.typeName = typeName;
        this.status = status;
    }

    String typeName() {
        return typeName;
    }

    int status() {
        return status;
    }

    /** The value of the {@code X-Amzn-ErrorType} header; clients keep what is before the first ':'. */
    String errorTypeHeader() {
        return typeName + NAMESPACE;
    }
}
