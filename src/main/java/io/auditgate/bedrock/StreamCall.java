package io.auditgate.bedrock;

import dev.failsafe.CircuitBreaker;
import io.auditgate.conversation.Completion;
import io.auditgate.conversation.ToolCall;
import io.auditgate.guardrail.ScreenedPrompt;
import io.auditgate.problem.GatewayException;
import io.auditgate.problem.ProblemType;
import io.auditgate.problem.Problems;
import io.auditgate.request.ModelCalls;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;

/**
 * One streamed answer, over one or more {@link StreamAttempt}s of the models of its route (the prompt's model, then its
 * fallbacks, each tried when the one before failed before any delta as {@link Fallbacks} allows): delivers deltas to its {@link StreamListener} and ends
 * it exactly once, whichever comes first of the closing events, an upstream failure, the deadline (all attempts and
 * retry delays together), the idle gap between two events (counted from an attempt's first event on), or
 * {@link #cancel}. An attempt that fails transiently (throttling, 5xx, a connection failure, a body cut before it
 * began) before any delta reached the listener is retried by {@link UpstreamCalls}'s one retry policy; after the
 * first delta a failure ends the stream (the client has seen text that a new attempt would repeat). A stream whose
 * HTTP body ends without {@code messageStop} and {@code metadata} (a dropped connection: the SDK reports no error)
 * fails as {@code upstream-error}. The deadline and idle gap are checked by {@link ModelStreams}'s sweep
 * ({@link #watch}); {@code leave} is told once the call has ended.
 */
public final class StreamCall implements ModelStreams.Cancellable {

    private final ScreenedPrompt prompt;
    private final List<String> route;
    private final StreamListener listener;
    private final ModelCalls calls;
    private final Deadline deadline;
    private final long idleNanos;
    private final Duration retryAfter;
    private final Consumer<StreamCall> leave;
    private final AtomicBoolean ended = new AtomicBoolean();
    /** When the current attempt's last event came; 0 until its first (a model may think long: the deadline applies). */
    private volatile long lastEventNanos;
    private volatile StreamAttempt current;
    private volatile CompletableFuture<Void> attempts;
    private volatile int deltas;

    StreamCall(ScreenedPrompt prompt, List<String> route, StreamListener listener, ModelCalls calls, Deadline deadline,
               Duration idle, Duration retryAfter, Consumer<StreamCall> leave) {
        this.prompt = prompt;
        this.route = List.copyOf(route);
        this.listener = listener;
        this.calls = calls;
        this.deadline = deadline;
        this.idleNanos = idle.toNanos();
        this.retryAfter = retryAfter;
        this.leave = leave;
    }

    void start(UpstreamCalls upstream, ModelBreakers breakers, BedrockRuntimeAsyncClient client) {
        run(0, upstream, breakers, client);
    }

    /**
     * The attempts of the route's model {@code index} under the retry policy; when they fail before any delta and
     * {@link Fallbacks} allows, the next model's.
     */
    private void run(int index, UpstreamCalls upstream, ModelBreakers breakers, BedrockRuntimeAsyncClient client) {
        var model = route.get(index);
        var running = upstream.<Void>retried(() -> attempt(model, breakers, client));
        attempts = running;
        running.whenComplete((done, failure) -> {
            if (failure == null) {
                return;
            }
            var cause = Problems.cause(failure);
            var problem = cause instanceof GatewayException e ? e
                    : new GatewayException(ProblemType.UPSTREAM_ERROR, "The model provider failed to answer.");
            if (index + 1 < route.size() && deltas == 0 && !ended.get() && Fallbacks.worthTrying(problem, deadline)) {
                run(index + 1, upstream, breakers, client);
            } else {
                fail(problem);
            }
        });
        if (ended.get()) {
            running.cancel(false);
        }
    }

    /** Stops the stream (the client went away): the upstream call or a pending retry is cancelled, the listener hears no more. */
    @Override
    public void cancel() {
        if (ended.compareAndSet(false, true)) {
            stop();
        }
    }

    /** Deltas received so far. */
    public int deltas() {
        return deltas;
    }

    void fail(GatewayException failure) {
        if (ended.compareAndSet(false, true)) {
            var attempt = current;
            if (attempt != null) {
                attempt.settle(failure);
            }
            stop();
            listener.failed(failure);
        }
    }

    /** Checks the deadline and the idle gap at {@code now} (the sweep's clock). */
    void watch(long now) {
        if (now - deadline.expiresAtNanos() >= 0) {
            fail(timedOut());
        } else if (lastEventNanos != 0 && now - lastEventNanos >= idleNanos) {
            fail(new GatewayException(ProblemType.MODEL_TIMEOUT, "The model's answer stream stalled."));
        }
    }

    /** One attempt, started by the retry policy; fails with a {@link TransientUpstreamException} to be retried. */
    private CompletableFuture<Void> attempt(String model, ModelBreakers breakers, BedrockRuntimeAsyncClient client) {
        if (ended.get()) {
            return CompletableFuture.completedFuture(null);
        }
        if (deadline.expired()) {
            return CompletableFuture.failedFuture(timedOut());
        }
        CircuitBreaker<Object> breaker;
        try {
            breaker = breakers.admit(model);
        } catch (GatewayException e) {
            calls.attempt(model, e.problem().slug(), 0);
            return CompletableFuture.failedFuture(e);
        }
        var attempt = new StreamAttempt(prompt, model, breaker, calls, this::heard, text -> delta(model, text),
                (id, name, json) -> toolCall(model, id, name, json));
        lastEventNanos = 0;
        current = attempt;
        if (ended.get()) { // ended meanwhile, maybe without seeing this attempt
            attempt.abandon();
            return CompletableFuture.completedFuture(null);
        }
        return attempt.send(client).handle((done, error) -> settled(attempt, model, error));
    }

    /**
     * The attempt's end: a finished answer completes the stream; a failure after the first delta (or after the stream
     * ended) fails it; before, it is thrown on to the retry policy, which retries a transient one, and what is left
     * decides the fallback ({@link #run}).
     */
    private Void settled(StreamAttempt attempt, String model, Throwable error) {
        var closing = attempt.closing();
        var failure = error != null ? upstream(error, model) : closing.isPresent() ? null
                : new TransientUpstreamException(ProblemType.UPSTREAM_ERROR,
                        "The model's answer stream ended before it was complete.", null);
        if (!attempt.settle(failure)) {
            return null; // stopped first (deadline, idle gap, cancel): the call has ended
        }
        if (failure == null) {
            complete(closing.get());
        } else if (deltas > 0 || ended.get()) {
            fail(failure);
        } else if (failure instanceof TransientUpstreamException && deadline.expired()) {
            fail(timedOut());
        } else {
            throw failure;
        }
        return null;
    }

    private void complete(Completion end) {
        if (ended.compareAndSet(false, true)) {
            stop();
            listener.completed(end);
        }
    }

    /** After the end: out of the sweep, no retry pending, the attempt in flight stopped (not scored if still open). */
    private void stop() {
        leave.accept(this);
        var running = attempts;
        if (running != null) {
            running.cancel(false);
        }
        var attempt = current;
        if (attempt != null) {
            attempt.abandon();
        }
    }

    private void heard() {
        lastEventNanos = System.nanoTime();
    }

    private void delta(String model, String text) {
        if (ended.get()) {
            return;
        }
        announce(model);
        deltas++;
        listener.delta(text);
    }

    /** A tool call counts as a delta (no retry after it); input that is not a JSON object fails the stream. */
    private void toolCall(String model, String id, String name, String json) {
        if (ended.get()) {
            return;
        }
        announce(model);
        deltas++;
        JsonObject input;
        try {
            input = json.isBlank() ? JsonValue.EMPTY_JSON_OBJECT : Documents.parse(json);
        } catch (RuntimeException e) {
            fail(new GatewayException(ProblemType.UPSTREAM_ERROR, "The model's tool call was not valid JSON."));
            return;
        }
        listener.toolCall(new ToolCall(id, name, input));
    }

    /** Before the stream's first delta: which model answers (only one attempt ever delivers deltas). */
    private void announce(String model) {
        if (deltas == 0) {
            listener.answering(model);
        }
    }

    private GatewayException upstream(Throwable failure, String model) {
        var cause = Problems.cause(failure);
        if (cause instanceof CancellationException) {
            return new GatewayException(ProblemType.UPSTREAM_ERROR, "The model's answer stream was cancelled.");
        }
        if (cause instanceof SdkException e) {
            return UpstreamFailures.classify(e, model, retryAfter);
        }
        return new GatewayException(ProblemType.UPSTREAM_ERROR, "The model provider failed to answer.");
    }

    private static GatewayException timedOut() {
        return new GatewayException(ProblemType.MODEL_TIMEOUT, "The model did not finish its answer within the gateway's time limit.");
    }
}
