package io.auditgate.bedrock;

import io.auditgate.problem.GatewayException;
import io.auditgate.problem.ProblemType;
import io.auditgate.request.ModelCalls;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.Retry;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;

/**
 * One upstream attempt, with the fault-tolerance policies around it: {@code @Retry} with jittered delay on
 * {@link TransientUpstreamException} only, {@code @Bulkhead} capping concurrent upstream calls (full → 503
 * {@code overloaded}), the model's circuit breaker, and the request's deadline as the SDK's call timeout.
 * Tune with the MicroProfile FT keys {@code io.auditgate.bedrock.UpstreamCalls/converse/Retry/maxRetries},
 * {@code .../Retry/delay}, {@code .../Retry/jitter}, {@code .../Bulkhead/value}.
 */
@ApplicationScoped
public class UpstreamCalls {

    @Inject
    BedrockClients clients;

    @Inject
    ModelBreakers breakers;

    @Inject
    @ConfigProperty(name = "bedrock.retry-after", defaultValue = "PT2S")
    Duration retryAfter;

    @Retry(maxRetries = 2, delay = 200, jitter = 100, maxDuration = 120_000, retryOn = TransientUpstreamException.class)
    @Bulkhead(64)
    public ConverseResponse converse(ConverseRequest request, Deadline deadline, ModelCalls calls) {
        if (deadline.expired()) {
            throw timedOut();
        }
        var breaker = breakers.admit(request.modelId());
        var started = System.nanoTime();
        try {
            var response = clients.runtime().converse(request.toBuilder()
                    .overrideConfiguration(o -> o.apiCallTimeout(deadline.remaining()))
                    .build());
            breaker.recordSuccess();
            return response;
        } catch (ApiCallTimeoutException | ApiCallAttemptTimeoutException e) {
            breaker.recordFailure();
            throw deadline.expired() ? timedOut()
                    : new TransientUpstreamException(ProblemType.MODEL_TIMEOUT, "The model did not answer in time.", null);
        } catch (SdkException e) {
            var failure = UpstreamFailures.classify(e, request.modelId(), retryAfter);
            if (UpstreamFailures.countsAgainstModel(failure)) {
                breaker.recordFailure();
            } else {
                breaker.recordSuccess();
            }
            throw deadline.expired() && failure instanceof TransientUpstreamException ? timedOut() : failure;
        } finally {
            calls.attempt(System.nanoTime() - started);
        }
    }

    private static GatewayException timedOut() {
        return new GatewayException(ProblemType.MODEL_TIMEOUT, "The model did not answer within the gateway's time limit.");
    }
}
