package io.auditgate.bedrock;

import dev.failsafe.CircuitBreaker;
import io.auditgate.conversation.Completion;
import io.auditgate.guardrail.ScreenedPrompt;
import io.auditgate.problem.GatewayException;
import io.auditgate.request.Attempt;
import io.auditgate.request.ModelCalls;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlockDeltaEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamMetadataEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamOutput;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamResponseHandler;
import software.amazon.awssdk.services.bedrockruntime.model.MessageStopEvent;

/**
 * One ConverseStream call of a {@link StreamCall}, admitted by the model's circuit breaker: passes each text delta on as
 * it comes, each tool call once its block stops (its input fragments joined), and keeps the closing facts. It ends exactly once, by {@link #settle} (its outcome, scored in the breaker) or
 * {@link #abandon} (the client went away: says nothing about the model, not scored); either records it, with its model
 * and outcome, in the request's {@link ModelCalls} and stops the SDK call. An attempt stopped before it was sent never sends.
 */
final class StreamAttempt {

    private final ScreenedPrompt prompt;
    private final String model;
    private final CircuitBreaker<Object> breaker;
    private final ModelCalls calls;
    private final Runnable heard;
    private final Consumer<String> deltas;
    private final ToolBlocks tools;
    private final long startedNanos = System.nanoTime();
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile Subscription subscription;
    private volatile String stopReason;
    private volatile ConverseStreamMetadataEvent metadata;
    /** Guarded by this: the SDK call, once sent. */
    private CompletableFuture<Void> sdkCall;

    StreamAttempt(ScreenedPrompt prompt, String model, CircuitBreaker<Object> breaker, ModelCalls calls, Runnable heard,
                  Consumer<String> deltas, ToolBlocks.Calls tools) {
        this.prompt = prompt;
        this.model = model;
        this.breaker = breaker;
        this.calls = calls;
        this.heard = heard;
        this.deltas = deltas;
        this.tools = new ToolBlocks(tools);
    }

    /** Sends the request; the result ends when the answer's body does (normally even without its closing events). */
    CompletableFuture<Void> send(BedrockRuntimeAsyncClient client) {
        var handler = ConverseStreamResponseHandler.builder()
                .onEventStream(publisher -> publisher.subscribe(new Events()))
                .build();
        CompletableFuture<Void> sent;
        synchronized (this) {
            if (ended.get()) {
                return CompletableFuture.failedFuture(new CancellationException());
            }
            try {
                sent = client.converseStream(Converse.streamRequest(prompt, model), handler);
            } catch (RuntimeException e) {
                sent = CompletableFuture.failedFuture(e);
            }
            sdkCall = sent;
        }
        return sent;
    }

    /** The closing events' facts ({@code messageStop} and {@code metadata}), if both came. */
    Optional<Completion> closing() {
        var stop = stopReason;
        var meta = metadata;
        if (stop == null || meta == null) {
            return Optional.empty();
        }
        var usage = meta.usage() == null ? new Completion.Usage(0, 0, 0)
                : new Completion.Usage(orZero(meta.usage().inputTokens()), orZero(meta.usage().outputTokens()),
                        orZero(meta.usage().totalTokens()));
        var trace = meta.trace() == null ? null : meta.trace().guardrail();
        return Optional.of(ModelStreams.end(model, stop, usage,
                GuardrailTraces.from(trace, stop, prompt.bedrockGuardrail().isPresent())));
    }

    /**
     * Ends the attempt with its outcome: {@code failure} null for a finished answer. False if it had already ended
     * (then nothing is recorded again).
     */
    boolean settle(GatewayException failure) {
        if (!end(failure == null ? Attempt.ANSWERED : failure.problem().slug())) {
            return false;
        }
        if (failure != null && UpstreamFailures.countsAgainstModel(failure)) {
            breaker.recordFailure();
        } else {
            breaker.recordSuccess();
        }
        return true;
    }

    /** Ends the attempt because its caller no longer wants it; not scored in the breaker. */
    void abandon() {
        end(Attempt.ABANDONED);
    }

    private boolean end(String outcome) {
        if (!ended.compareAndSet(false, true)) {
            return false;
        }
        calls.attempt(model, outcome, System.nanoTime() - startedNanos);
        var events = subscription;
        if (events != null) {
            events.cancel();
        }
        CompletableFuture<Void> call;
        synchronized (this) {
            call = sdkCall;
        }
        if (call != null && !call.isDone()) {
            call.cancel(true);
        }
        return true;
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }

    /** The stream's events, in order, on the SDK's thread. */
    private final class Events implements Subscriber<ConverseStreamOutput> {

        @Override
        public void onSubscribe(Subscription s) {
            subscription = s;
            if (ended.get()) {
                s.cancel();
            } else {
                s.request(Long.MAX_VALUE);
            }
        }

        @Override
        public void onNext(ConverseStreamOutput event) {
            if (ended.get()) {
                return;
            }
            heard.run();
            if (event instanceof ContentBlockDeltaEvent delta && delta.delta() != null && delta.delta().text() != null) {
                deltas.accept(delta.delta().text());
            } else if (event instanceof MessageStopEvent stop) {
                stopReason = stop.stopReasonAsString() == null ? "unknown" : stop.stopReasonAsString();
            } else if (event instanceof ConverseStreamMetadataEvent meta) {
                metadata = meta;
            } else {
                tools.accept(event);
            }
        }

        @Override
        public void onError(Throwable failure) {
            // the call's future fails too: settled there
        }

        @Override
        public void onComplete() {
            // the call's future completes too: settled there
        }
    }
}
