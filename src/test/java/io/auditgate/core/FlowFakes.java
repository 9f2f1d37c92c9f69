package io.auditgate.core;

import io.auditgate.audit.AuditSink;
import io.auditgate.audit.chain.RecordChain;
import io.auditgate.bedrock.BedrockModel;
import io.auditgate.bedrock.ModelStreams;
import io.auditgate.conversation.Completion;
import io.auditgate.conversation.ToolCall;
import io.auditgate.guardrail.ScreenedPrompt;
import io.auditgate.request.Ending;
import io.auditgate.request.ModelCalls;
import io.auditgate.request.RequestObserver;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** The fakes of the flow tests: only at the gateway's two I/O edges (the model, the journal), and the observer. */
final class FlowFakes {

    private FlowFakes() {
    }

    /** The model: answers with {@code behaviour} (or throws from it), counting each call as one attempt. */
    static final class Model extends BedrockModel {

        final List<ScreenedPrompt> seen = new CopyOnWriteArrayList<>();
        volatile Function<ScreenedPrompt, Completion> behaviour = Model::noted;
        /** When set, the model answers only when the test completes this (a model that is still working). */
        volatile CompletableFuture<Void> working = CompletableFuture.completedFuture(null);

        static Completion noted(ScreenedPrompt prompt) {
            return new Completion(prompt.model(), "Noted. Reply sent to ops@example.org.", "end_turn",
                    new Completion.Usage(12, 8, 20), Optional.empty());
        }

        /** Models of a route that fail (throttled) when tried: the next model of the route is tried instead. */
        volatile java.util.Set<String> throttled = java.util.Set.of();

        @Override
        public CompletableFuture<Completion> complete(ScreenedPrompt prompt, List<String> route, ModelCalls calls) {
            seen.add(prompt);
            var started = System.nanoTime();
            return working.thenApply(ready -> {
                for (var model : route) {
                    if (throttled.contains(model)) {
                        calls.attempt(model, "throttled", 1_000_000);
                        continue;
                    }
                    var outcome = io.auditgate.request.Attempt.ANSWERED;
                    try {
                        var answer = behaviour.apply(prompt);
                        return new Completion(model, answer.text(), answer.stopReason(), answer.usage(),
                                answer.guardrail(), answer.toolCalls());
                    } catch (io.auditgate.problem.GatewayException e) {
                        outcome = e.problem().slug();
                        throw e;
                    } finally {
                        calls.attempt(model, outcome, System.nanoTime() - started);
                    }
                }
                throw new io.auditgate.problem.GatewayException(io.auditgate.problem.ProblemType.THROTTLED,
                        "The model is throttling requests; retry after the indicated delay.");
            });
        }
    }

    /** The streaming model: plays {@link #deltas} to the listener, then completes (or fails with {@link #failure}). */
    static final class Streams extends ModelStreams {

        volatile List<String> deltas = List.of("Noted. Reply sent to ops@exa", "mple.org, as ", "asked.");
        /** The tool calls the model makes after its text (then it stops for {@code tool_use}). */
        volatile List<ToolCall> toolCalls = List.of();
        volatile io.auditgate.problem.GatewayException failure;
        volatile boolean cancelled;
        /** Completes when the model is called. */
        final CompletableFuture<Void> called = new CompletableFuture<>();
        /** When set, the model stops after its first delta until this completes (or the stream is cancelled). */
        volatile CompletableFuture<Void> pause;
        /** Completes once the first delta was handed to the listener. */
        final CompletableFuture<Void> firstDelivered = new CompletableFuture<>();

        @Override
        public Cancellable stream(ScreenedPrompt prompt, List<String> route, ModelCalls calls,
                                  io.auditgate.bedrock.StreamListener listener) {
            var paused = pause;
            called.complete(null);
            CompletableFuture.runAsync(() -> {
                var first = true;
                for (var delta : deltas) {
                    if (cancelled) {
                        return;
                    }
                    listener.delta(delta);
                    firstDelivered.complete(null);
                    if (first && paused != null) {
                        paused.join();
                    }
                    first = false;
                }
                toolCalls.forEach(listener::toolCall);
                calls.attempt(prompt.model(), failure == null ? "answered" : failure.problem().slug(), 1_000);
                if (failure != null) {
                    listener.failed(failure);
                } else {
                    listener.completed(new Completion(prompt.model(), "", toolCalls.isEmpty() ? "end_turn" : "tool_use",
                            new Completion.Usage(12, 8, 20), Optional.empty()));
                }
            });
            return () -> {
                cancelled = true;
                if (paused != null) {
                    paused.complete(null);
                }
            };
        }
    }

    /** A client's event stream: what it received, in order. */
    static final class Events implements io.auditgate.core.AnswerEvents {

        final List<String> received = new CopyOnWriteArrayList<>();
        final CompletableFuture<Void> over = new CompletableFuture<>();
        volatile Runnable gone = () -> { };
        /** Completes once the core watches for the client going away (the stream opened). */
        final CompletableFuture<Void> watched = new CompletableFuture<>();

        @Override
        public void opened(io.auditgate.request.Exchange exchange) {
            received.add("start " + exchange.requestId());
        }

        @Override
        public void text(String screened) {
            received.add("delta " + screened);
        }

        @Override
        public void toolCall(int index, ToolCall screened) {
            received.add("tool " + index + " " + screened.name() + " " + screened.input());
        }

        @Override
        public void heartbeat() {
            received.add("heartbeat");
        }

        @Override
        public void finished(Ending ending) {
            received.add("end " + ending.answer().orElseThrow().status().wire());
            over.complete(null);
        }

        @Override
        public void failed(Ending ending, io.auditgate.problem.Problem problem) {
            received.add("error " + problem.type().slug());
            over.complete(null);
        }

        @Override
        public void onClientGone(Runnable action) {
            gone = action;
            watched.complete(null);
        }

        String text() {
            var text = new StringBuilder();
            received.stream().filter(e -> e.startsWith("delta ")).forEach(e -> text.append(e.substring(6)));
            return text.toString();
        }
    }

    /**
     * The journal and store: records kept in memory, sealed by the real chain; {@link #durable} decides when an
     * appended record is durable (at once unless a test holds it).
     */
    static final class Sink implements AuditSink {

        final Map<String, JsonObject> begins = new ConcurrentHashMap<>();
        final List<JsonObject> records = new CopyOnWriteArrayList<>();
        final RecordChain chain = RecordChain.start("i-flow");
        volatile boolean writable = true;
        volatile Function<JsonObject, CompletableFuture<JsonObject>> durable = CompletableFuture::completedFuture;
        volatile CompletableFuture<Void> stored = CompletableFuture.completedFuture(null);
        /** When a begin entry is durable: at once unless a test holds it. */
        volatile CompletableFuture<Void> beginDurable = CompletableFuture.completedFuture(null);

        @Override
        public CompletableFuture<Void> begin(String requestId, JsonObject requestPart) {
            if (!writable) {
                return CompletableFuture.failedFuture(new IllegalStateException("journal refusing"));
            }
            begins.put(requestId, requestPart);
            return beginDurable;
        }

        @Override
        public CompletableFuture<JsonObject> append(JsonObject unsealedRecord) {
            if (!writable) {
                return CompletableFuture.failedFuture(new IllegalStateException("journal refusing"));
            }
            var sealed = chain.seal(unsealedRecord);
            return durable.apply(sealed).thenApply(r -> {
                records.add(r);
                return r;
            });
        }

        @Override
        public CompletableFuture<JsonObject> appendLast(JsonObject unsealedRecord) {
            return append(unsealedRecord);
        }

        @Override
        public CompletableFuture<Void> stored(long seq) {
            return stored;
        }

        @Override
        public boolean isWritable() {
            return writable;
        }

        @Override
        public long backlogRecords() {
            return records.size();
        }
    }

    /** Telemetry's place: every ending the core reports. */
    static final class Observer implements RequestObserver {

        final List<Ending> ended = new CopyOnWriteArrayList<>();

        @Override
        public void ended(Ending ending) {
            ended.add(ending);
        }
    }
}
