package io.auditgate.bedrock;

import dev.failsafe.CircuitBreaker;
import dev.failsafe.Failsafe;
import dev.failsafe.RetryPolicy;
import dev.failsafe.function.CheckedSupplier;
import io.auditgate.problem.GatewayException;
import io.auditgate.problem.ProblemType;
import io.auditgate.problem.Problems;
import io.auditgate.request.Attempt;
import io.auditgate.request.ModelCalls;
import io.auditgate.process.Worker;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;

/**
 * Upstream attempts, asynchronous, with the one retry layer around them (Failsafe: the SDK's retries are off):
 * retried with jittered delay on {@link TransientUpstreamException} only (throttling, 5xx, a model or attempt
 * timeout), never past the request's deadline, which is also each attempt's SDK call timeout; every attempt first
 * passes the model's circuit breaker and is counted in the request's {@link ModelCalls}. Nothing waits while the
 * model works: the SDK completes the attempt on its own threads and the retry delay is scheduled.
 * Tune with {@code bedrock.retry.max-retries}, {@code bedrock.retry.delay}, {@code bedrock.retry.jitter}.
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

    @Inject
    @ConfigProperty(name = "bedrock.retry.max-retries", defaultValue = "2")
    int maxRetries;

    @Inject
    @ConfigProperty(name = "bedrock.retry.delay", defaultValue = "PT0.2S")
    Duration retryDelay;

    @Inject
    @ConfigProperty(name = "bedrock.retry.jitter", defaultValue = "PT0.1S")
    Duration retryJitter;

    private RetryPolicy<Object> retries;
    private ScheduledExecutorService scheduler;
    private FirstAttemptNow attempts;

    @PostConstruct
    void configure() {
        // Failsafe's own default is the common pool, whose threads do not carry the application's class loader
        scheduler = Executors.newSingleThreadScheduledExecutor(Worker.UPSTREAM_RETRY.factory(""));
        attempts = new FirstAttemptNow(scheduler);
        retries = RetryPolicy.builder()
                .handle(TransientUpstreamException.class)
                .withMaxRetries(maxRetries)
                .withDelay(retryDelay)
                .withJitter(retryJitter.compareTo(retryDelay) < 0 ? retryJitter : retryDelay.dividedBy(2))
                .build();
    }

    /** The model's answer, or a {@link GatewayException} saying what went wrong upstream, within {@code deadline}. */
    public CompletableFuture<ConverseResponse> converse(ConverseRequest request, Deadline deadline, ModelCalls calls) {
        return retried(() -> attempt(request, deadline, calls))
                .exceptionallyCompose(failure -> CompletableFuture.failedFuture(Problems.cause(failure)));
    }

    /**
     * Runs {@code attempts} under the one retry policy (also for streams, {@link StreamCall}): again after the jittered
     * delay while an attempt fails with a {@link TransientUpstreamException}, at most {@code bedrock.retry.max-retries}
     * times; the attempt itself checks the deadline. Cancelling the result cancels a pending retry.
     */
    <T> CompletableFuture<T> retried(CheckedSupplier<? extends CompletionStage<T>> attempts) {
        return Failsafe.with(retries).with(this.attempts).getStageAsync(attempts);
    }

    @PreDestroy
    void stop() {
        scheduler.shutdownNow();
    }

    private CompletableFuture<ConverseResponse> attempt(ConverseRequest request, Deadline deadline, ModelCalls calls) {
        if (deadline.expired()) {
            return CompletableFuture.failedFuture(timedOut());
        }
        var model = request.modelId();
        CircuitBreaker<Object> breaker;
        try {
            breaker = breakers.admit(model);
        } catch (GatewayException e) {
            calls.attempt(model, e.problem().slug(), 0);
            return CompletableFuture.failedFuture(e);
        }
        var started = System.nanoTime();
        return clients.runtime().converse(request.toBuilder()
                        .overrideConfiguration(o -> o.apiCallTimeout(deadline.remaining()))
                        .build())
                .handle((response, error) -> {
                    var nanos = System.nanoTime() - started;
                    if (error == null) {
                        calls.attempt(model, Attempt.ANSWERED, nanos);
                        breaker.recordSuccess();
                        return response;
                    }
                    var failure = failure(Problems.cause(error), model, breaker, deadline);
                    calls.attempt(model, failure instanceof GatewayException e ? e.problem().slug()
                            : ProblemType.INTERNAL_ERROR.slug(), nanos);
                    throw failure;
                });
    }

    private RuntimeException failure(Throwable error, String model, CircuitBreaker<Object> breaker, Deadline deadline) {
        if (error instanceof ApiCallTimeoutException || error instanceof ApiCallAttemptTimeoutException) {
            breaker.recordFailure();
            return deadline.expired() ? timedOut()
                    : new TransientUpstreamException(ProblemType.MODEL_TIMEOUT, "The model did not answer in time.", null);
        }
        if (error instanceof SdkException e) {
            var failure = UpstreamFailures.classify(e, model, retryAfter);
            if (UpstreamFailures.countsAgainstModel(failure)) {
                breaker.recordFailure();
            } else {
                breaker.recordSuccess();
            }
            return deadline.expired() && failure instanceof TransientUpstreamException ? timedOut() : failure;
        }
        // not the model's doing (a gateway bug): passed on as it is, the core answers a logged 500
        return error instanceof RuntimeException e ? e : new CompletionException(error);
    }

    private static GatewayException timedOut() {
        return new GatewayException(ProblemType.MODEL_TIMEOUT, "The model did not answer within the gateway's time limit.");
    }
}
