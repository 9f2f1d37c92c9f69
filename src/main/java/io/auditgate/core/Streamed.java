package io.auditgate.core;

import io.auditgate.audit.AuditTrail;
import io.auditgate.bedrock.ModelStreams;
import io.auditgate.bedrock.StreamListener;
import io.auditgate.conversation.Completion;
import io.auditgate.conversation.ToolCall;
import io.auditgate.guardrail.AnswerStream;
import io.auditgate.guardrail.ScreenedPrompt;
import io.auditgate.problem.GatewayException;
import io.auditgate.problem.Problem;
import io.auditgate.problem.ProblemType;
import io.auditgate.problem.Problems;
import io.auditgate.request.Ending;
import io.auditgate.request.Exchange;
import io.auditgate.request.StreamFacts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One streamed answer as the core runs it: each delta from the model goes through the output guardrails
 * ({@link AnswerStream}) and only what they release goes to the client, and each tool call is screened whole once the
 * model finished it, then sent; heartbeats while nothing can be sent; at the
 * end the complete record is made durable before the last event, and a stream that ends early (the model failed or
 * stalled, a blocked value, the client went away) gets its record with what was sent and why it ended. Ends exactly
 * once; listener calls and the client's going away are serialised on this object.
 */
final class Streamed implements StreamListener {

    private final Exchange exchange;
    private final ScreenedPrompt prompt;
    private final AnswerStream answer;
    private final AnswerEvents events;
    private final AuditTrail audit;
    private final Function<Ending, Reply> ended;
    private final CompletableFuture<Reply> reply = new CompletableFuture<>();
    private ModelStreams.Cancellable call;
    private ScheduledFuture<?> heartbeats;
    private boolean over;
    private boolean open;
    /** The model's events that came before the stream opened, in order. */
    private final List<Runnable> early = new ArrayList<>();
    private int chunks;
    private int toolCalls;
    private Long firstTokenMillis;

    Streamed(Exchange exchange, ScreenedPrompt prompt, AnswerStream answer, AnswerEvents events, AuditTrail audit,
             Function<Ending, Reply> ended) {
        this.exchange = exchange;
        this.prompt = prompt;
        this.answer = answer;
        this.events = events;
        this.audit = audit;
        this.ended = ended;
    }

    CompletableFuture<Reply> reply() {
        return reply;
    }

    /** The model's stream, called before the stream opens: its events wait for {@link #open}. */
    synchronized void started(ModelStreams.Cancellable started) {
        this.call = started;
        if (over) {
            started.cancel();
        }
    }

    /**
     * The begin entry is durable: the client gets the first event, heartbeats start, and what the model said
     * meanwhile goes through the guardrails in its order.
     */
    synchronized void open(Supplier<ScheduledFuture<?>> beats) {
        open = true;
        events.opened(exchange);
        events.onClientGone(this::clientGone);
        heartbeats = beats.get();
        var meanwhile = List.copyOf(early);
        early.clear();
        meanwhile.forEach(Runnable::run);
        if (over) {
            stopHeartbeats();
        }
    }

    /** The begin entry could not be made durable: the model's call is cancelled, nothing was or will be sent. */
    synchronized void abandon() {
        over = true;
        early.clear();
        cancelUpstream();
    }

    synchronized void heartbeat() {
        if (!over) {
            events.heartbeat();
        }
    }

    synchronized void clientGone() {
        if (!over) {
            cancelUpstream();
            endEarly(StreamFacts.CLIENT_CLOSED, Optional.empty());
        }
    }

    @Override
    public synchronized void answering(String model) {
        if (!open && !over) {
            early.add(() -> answering(model));
        } else if (!over) {
            events.answering(model);
        }
    }

    @Override
    public synchronized void delta(String text) {
        if (!open && !over) {
            early.add(() -> delta(text));
            return;
        }
        if (over) {
            return;
        }
        send(answer.accept(text));
        if (answer.isBlocked()) {
            cancelUpstream();
            endEarly(StreamFacts.ANSWER_BLOCKED, Optional.of(ProblemType.ANSWER_BLOCKED));
        }
    }

    /** A finished tool call: screened whole, then sent, or, holding a blocked value, the end of the answer. */
    @Override
    public synchronized void toolCall(ToolCall call) {
        if (!open && !over) {
            early.add(() -> toolCall(call));
            return;
        }
        if (over) {
            return;
        }
        var screened = answer.acceptToolCall(call);
        if (screened.isEmpty()) {
            cancelUpstream();
            endEarly(StreamFacts.ANSWER_BLOCKED, Optional.of(ProblemType.ANSWER_BLOCKED));
            return;
        }
        counted();
        events.toolCall(toolCalls++, screened.get());
    }

    @Override
    public synchronized void completed(Completion end) {
        if (!open && !over) {
            early.add(() -> completed(end));
            return;
        }
        if (over) {
            return;
        }
        send(answer.finish());
        if (answer.isBlocked()) {
            endEarly(StreamFacts.ANSWER_BLOCKED, Optional.of(ProblemType.ANSWER_BLOCKED));
            return;
        }
        over = true;
        stopHeartbeats();
        var ending = Ending.streamed(exchange, prompt, answer.answer(end), facts(StreamFacts.FINISHED), Optional.empty());
        audit.complete(ending).whenComplete((receipt, failure) -> {
            if (failure == null) {
                var done = ended.apply(ending);
                events.finished(done.ending());
                reply.complete(done);
            } else { // the answer was sent but its record is not durable: the client is told, the record retried as last
                var unrecorded = Ending.streamed(exchange, prompt, answer.answer(end), facts(StreamFacts.AUDIT_UNAVAILABLE),
                        Optional.of(ProblemType.AUDIT_UNAVAILABLE));
                record(unrecorded, Optional.of(Problems.of(failure, exchange.requestId())));
            }
        });
    }

    @Override
    public synchronized void failed(GatewayException failure) {
        if (!open && !over) {
            early.add(() -> failed(failure));
            return;
        }
        if (over) {
            return;
        }
        var how = failure.problem() == ProblemType.MODEL_TIMEOUT ? StreamFacts.TIMEOUT : StreamFacts.UPSTREAM_ERROR;
        over = true;
        stopHeartbeats();
        var ending = Ending.streamed(exchange, prompt, answer.answer(noEnd()), facts(how), Optional.of(failure.problem()));
        record(ending, Optional.of(Problems.of(failure, exchange.requestId())));
    }

    /** Blocked ({@code type} present: the client is told) or the client went away (nothing to tell). */
    private void endEarly(String how, Optional<ProblemType> type) {
        over = true;
        stopHeartbeats();
        var ending = Ending.streamed(exchange, prompt, answer.answer(noEnd()), facts(how), type);
        record(ending, type.map(t -> new Problem(t, "The answer was withheld by the gateway's guardrails.",
                exchange.requestId(), java.util.List.of(), null)));
    }

    /** The early end's record (its one record), then the error event if there is a problem to tell. */
    private void record(Ending ending, Optional<Problem> problem) {
        audit.refused(ending).whenComplete((recorded, never) -> {
            var done = ended.apply(ending);
            problem.ifPresent(p -> events.failed(done.ending(), p));
            reply.complete(new Reply(done.ending(), problem));
        });
    }

    private void send(String text) {
        if (!text.isEmpty()) {
            counted();
            events.text(text);
        }
    }

    /** One more chunk goes out now; the first sets the time to first token. */
    private void counted() {
        if (firstTokenMillis == null) {
            firstTokenMillis = exchange.elapsedMillis();
        }
        chunks++;
    }

    private StreamFacts facts(String how) {
        return new StreamFacts(how, chunks, Optional.ofNullable(firstTokenMillis));
    }

    private Completion noEnd() {
        return new Completion(prompt.model(), "", "none", new Completion.Usage(0, 0, 0), Optional.empty());
    }

    private void cancelUpstream() {
        if (call != null) {
            call.cancel();
        }
    }

    private void stopHeartbeats() {
        if (heartbeats != null) {
            heartbeats.cancel(false);
        }
    }
}
