package io.auditgate.bedrock;

import dev.failsafe.CircuitBreaker;
import io.auditgate.conversation.Completion;
import io.auditgate.guardrail.ScreenedPrompt;
import io.auditgate.problem.GatewayException;
import io.auditgate.problem.ProblemType;
import io.auditgate.request.ModelCalls;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlockDeltaEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamMetadataEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamOutput;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamResponseHandler;
import software.amazon.awssdk.services.bedrockruntime.model.MessageStopEvent;

/**
 * One ConverseStream call: delivers deltas to its {@link StreamListener} and ends it exactly once, whichever comes
 * first of the closing events, an upstream error, the deadline, the idle gap between two events (counted from the
 * first event on), or {@link #cancel}. A stream whose
 * HTTP body ends without {@code messageStop} and {@code metadata} (a dropped connection: the SDK reports no error)
 * fails as {@code upstream-error}.
 */
public final class StreamCall implements ModelStreams.Cancellable {

    private static final long WATCH_MILLIS = 100;

    private final ScreenedPrompt prompt;
    private final StreamListener listener;
    private final ModelCalls calls;
    private final ScheduledExecutorService timers;
    private final long deadlineNanos;
    private final long idleNanos;
    private final Duration retryAfter;
    private final AtomicBoolean ended = new AtomicBoolean();
    private final long startedNanos = System.nanoTime();
    /** When the last event came; 0 until the first (before it, only the deadline applies: a model may think long). */
    private volatile long lastEventNanos;
    private volatile Subscription subscription;
    private volatile CompletableFuture<Void> sdkCall;
    private volatile ScheduledFuture<?> watch;
    private volatile CircuitBreaker<Object> breaker;
    private volatile String stopReason;
    private volatile ConverseStreamMetadataEvent metadata;
    private volatile int deltas;

    StreamCall(ScreenedPrompt prompt, StreamListener listener, ModelCalls calls, ScheduledExecutorService timers,
               Duration timeout, Duration idle, Duration retryAfter) {
        this.prompt = prompt;
        this.listener = listener;
        this.calls = calls;
        this.timers = timers;
        this.deadlineNanos = startedNanos + timeout.toNanos();
        this.idleNanos = idle.toNanos();
        this.retryAfter = retryAfter;
    }

    void start(BedrockRuntimeAsyncClient client, CircuitBreaker<Object> admitted) {
        this.breaker = admitted;
        var handler = ConverseStreamResponseHandler.builder()
                .onEventStream(publisher -> publisher.subscribe(new Events()))
                .build();
        watch = timers.scheduleWithFixedDelay(this::watch, WATCH_MILLIS, WATCH_MILLIS, TimeUnit.MILLISECONDS);
        sdkCall = client.converseStream(Converse.streamRequest(prompt), handler);
        sdkCall.whenComplete((done, failure) -> {
            if (failure != null) {
                fail(upstream(failure));
            } else if (stopReason == null || metadata == null) {
                fail(new GatewayException(ProblemType.UPSTREAM_ERROR,
                        "The model's answer stream ended before it was complete."));
            } else {
                complete();
            }
        });
    }

    /** Stops the stream (the client went away): the upstream call is cancelled and the listener hears no more. */
    @Override
    public void cancel() {
        if (ended.compareAndSet(false, true)) {
            finish();
        }
    }

    /** Deltas received so far. */
    public int deltas() {
        return deltas;
    }

    void fail(GatewayException failure) {
        if (ended.compareAndSet(false, true)) {
            finish();
            if (breaker != null) {
                if (UpstreamFailures.countsAgainstModel(failure)) {
                    breaker.recordFailure();
                } else {
                    breaker.recordSuccess();
                }
            }
            listener.failed(failure);
        }
    }

    private void complete() {
        if (ended.compareAndSet(false, true)) {
            finish();
            breaker.recordSuccess();
            var usage = metadata.usage() == null ? new Completion.Usage(0, 0, 0)
                    : new Completion.Usage(orZero(metadata.usage().inputTokens()), orZero(metadata.usage().outputTokens()),
                            orZero(metadata.usage().totalTokens()));
            var trace = metadata.trace() == null ? null : metadata.trace().guardrail();
            listener.completed(ModelStreams.end(prompt.model(), stopReason, usage,
                    GuardrailTraces.from(trace, stopReason, prompt.bedrockGuardrail().isPresent())));
        }
    }

    private void finish() {
        calls.attempt(System.nanoTime() - startedNanos);
        if (watch != null) {
            watch.cancel(false);
        }
        var events = subscription;
        if (events != null) {
            events.cancel();
        }
        var call = sdkCall;
        if (call != null && !call.isDone()) {
            call.cancel(true);
        }
    }

    private void watch() {
        var now = System.nanoTime();
        if (now - deadlineNanos >= 0) {
            fail(new GatewayException(ProblemType.MODEL_TIMEOUT, "The model did not finish its answer within the gateway's time limit."));
        } else if (lastEventNanos != 0 && now - lastEventNanos >= idleNanos) {
            fail(new GatewayException(ProblemType.MODEL_TIMEOUT, "The model's answer stream stalled."));
        }
    }

    private GatewayException upstream(Throwable failure) {
        var cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof CancellationException) {
            return new GatewayException(ProblemType.UPSTREAM_ERROR, "The model's answer stream was cancelled.");
        }
        if (cause instanceof SdkException e) {
            return UpstreamFailures.classify(e, prompt.model(), retryAfter);
        }
        return new GatewayException(ProblemType.UPSTREAM_ERROR, "The model provider failed to answer.");
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }

    /** The stream's events, in order, on the SDK's thread. */
    private final class Events implements Subscriber<ConverseStreamOutput> {

        @Override
        public void onSubscribe(Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(ConverseStreamOutput event) {
            lastEventNanos = System.nanoTime();
            if (ended.get()) {
                return;
            }
            if (event instanceof ContentBlockDeltaEvent delta && delta.delta() != null && delta.delta().text() != null) {
                deltas++;
                listener.delta(delta.delta().text());
            } else if (event instanceof MessageStopEvent stop) {
                stopReason = stop.stopReasonAsString() == null ? "unknown" : stop.stopReasonAsString();
            } else if (event instanceof ConverseStreamMetadataEvent meta) {
                metadata = meta;
            }
        }

        @Override
        public void onError(Throwable failure) {
            // the call's future fails too: ended there
        }

        @Override
        public void onComplete() {
            // the call's future completes too: ended there
        }
    }
}
