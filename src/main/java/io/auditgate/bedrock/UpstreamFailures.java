package io.auditgate.bedrock;

import io.auditgate.problem.GatewayException;
import io.auditgate.problem.ProblemType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.bedrockruntime.model.AccessDeniedException;
import software.amazon.awssdk.services.bedrockruntime.model.InternalServerException;
import software.amazon.awssdk.services.bedrockruntime.model.ModelNotReadyException;
import software.amazon.awssdk.services.bedrockruntime.model.ModelTimeoutException;
import software.amazon.awssdk.services.bedrockruntime.model.ResourceNotFoundException;
import software.amazon.awssdk.services.bedrockruntime.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.bedrockruntime.model.ServiceUnavailableException;
import software.amazon.awssdk.services.bedrockruntime.model.ThrottlingException;
import software.amazon.awssdk.services.bedrockruntime.model.ValidationException;

/**
 * Classifies what the SDK threw into a gateway problem, transient (retried) or final. Upstream messages are
 * read only to tell a client-caused validation error from a gateway bug, and are never passed on or logged.
 */
final class UpstreamFailures {

    private static final Logger LOG = Logger.getLogger(UpstreamFailures.class.getName());

    /** Fragments of Bedrock validation messages that blame the request's own values (limits, sizes). */
    private static final List<String> CLIENT_CAUSED = List.of("maximum tokens", "max_tokens", "maxtokens",
            "input is too long", "prompt is too long", "too many input tokens", "context length", "context window",
            "temperature", "top_p", "topp", "stop sequence", "stopsequences", "stop_sequences");

    private UpstreamFailures() {
    }

    static GatewayException classify(SdkException e, String model, Duration throttleRetryAfter) {
        if (e instanceof ThrottlingException || e instanceof ModelNotReadyException) {
            return new TransientUpstreamException(ProblemType.THROTTLED,
                    "The model is throttling requests; retry after the indicated delay.", throttleRetryAfter);
        }
        if (e instanceof ModelTimeoutException) {
            return new TransientUpstreamException(ProblemType.MODEL_TIMEOUT, "The model did not answer in time.", null);
        }
        if (e instanceof ServiceUnavailableException) {
            return new TransientUpstreamException(ProblemType.MODEL_UNAVAILABLE,
                    "The model provider is temporarily unavailable.", throttleRetryAfter);
        }
        if (e instanceof InternalServerException) {
            return new TransientUpstreamException(ProblemType.UPSTREAM_ERROR, "The model provider failed to answer.", null);
        }
        if (e instanceof ValidationException v) {
            return validation(v, model);
        }
        if (e instanceof ServiceQuotaExceededException) {
            return new GatewayException(ProblemType.THROTTLED, "The gateway's quota for this model is exhausted.",
                    List.of(), throttleRetryAfter);
        }
        if (e instanceof AccessDeniedException || e instanceof ResourceNotFoundException) {
            operatorWarning(e, model, "the gateway's AWS identity cannot use this model, or the model id does not exist in its region");
            return new GatewayException(ProblemType.UPSTREAM_MISCONFIGURED,
                    "The gateway is not able to use this model; operators have been alerted.");
        }
        if (e instanceof AwsServiceException service && service.statusCode() >= 500) {
            return new TransientUpstreamException(ProblemType.UPSTREAM_ERROR, "The model provider failed to answer.", null);
        }
        if (e instanceof SdkClientException && poolExhausted(e)) {
            return new GatewayException(ProblemType.OVERLOADED,
                    "Too many requests are waiting for models right now; retry shortly.", List.of(), Duration.ofSeconds(1));
        }
        if (e instanceof SdkClientException && hasIoCause(e)) {
            return new TransientUpstreamException(ProblemType.MODEL_UNAVAILABLE,
                    "The model provider could not be reached.", throttleRetryAfter);
        }
        operatorWarning(e, model, "unexpected upstream failure");
        return new GatewayException(ProblemType.UPSTREAM_ERROR, "The model provider returned an unusable answer.");
    }

    /** True for failures that say something about the model's health (they count against its circuit breaker). */
    static boolean countsAgainstModel(GatewayException e) {
        return switch (e.problem()) {
            case UPSTREAM_ERROR, MODEL_UNAVAILABLE, MODEL_TIMEOUT -> true;
            default -> false;
        };
    }

    private static GatewayException validation(ValidationException v, String model) {
        var message = v.awsErrorDetails() == null || v.awsErrorDetails().errorMessage() == null
                ? "" : v.awsErrorDetails().errorMessage().toLowerCase(Locale.ROOT);
        if (CLIENT_CAUSED.stream().anyMatch(message::contains)) {
            return new GatewayException(ProblemType.MODEL_REJECTED_INPUT,
                    "The model rejected this request's parameters or input size (for example max_tokens above the "
                            + "model's limit, or more input than its context window).");
        }
        operatorWarning(v, model, "Bedrock refused a request the gateway built (validation)");
        return new GatewayException(ProblemType.UPSTREAM_ERROR, "The model provider refused the gateway's request.");
    }

    /** The Netty client's pool had no connection within its acquire timeout, or its queue of waiters was full. */
    private static boolean poolExhausted(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            var message = t.getMessage();
            if (message != null && (message.contains("Acquire operation took longer") || message.contains("pending acquire"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasIoCause(Throwable e) {
        for (var t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof IOException || t instanceof UncheckedIOException) {
                return true;
            }
        }
        return false;
    }

    private static void operatorWarning(SdkException e, String model, String what) {
        var code = e instanceof AwsServiceException s && s.awsErrorDetails() != null ? s.awsErrorDetails().errorCode() : e.getClass().getSimpleName();
        var awsRequestId = e instanceof AwsServiceException s ? s.requestId() : null;
        LOG.warning(() -> "Bedrock call failed: " + what + "; model=" + model + " error=" + code
                + " status=" + (e instanceof AwsServiceException s ? s.statusCode() : 0) + " aws_request_id=" + awsRequestId);
    }
}
