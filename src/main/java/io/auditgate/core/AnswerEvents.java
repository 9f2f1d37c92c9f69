package io.auditgate.core;

import io.auditgate.conversation.ToolCall;
import io.auditgate.problem.Problem;
import io.auditgate.request.Ending;
import io.auditgate.request.Exchange;

/**
 * Where a streamed answer goes: an endpoint's event stream. The core calls it in this order: {@link #opened} once,
 * {@link #text}, {@link #toolCall} and {@link #heartbeat} any number of times, then exactly one of {@link #finished} (after the complete
 * record is durable) and {@link #failed}. Calls come from one thread at a time; implementations must not block.
 */
public interface AnswerEvents {

    /** The stream begins: the first event names the request and the model. */
    void opened(Exchange exchange);

    /**
     * The model that answers, known before the first text or tool call: the requested one, or a fallback of the
     * tenant's routes. Endpoints whose every event names the model name this one from now on.
     */
    default void answering(String model) {
    }

    /** Screened text that may be sent now. */
    void text(String screened);

    /**
     * A screened tool call, whole, the {@code index}-th of the answer (from 0). Only an endpoint that offers tools gets
     * one: a model offered none cannot call any, so by default this is a bug and fails loudly.
     */
    default void toolCall(int index, ToolCall screened) {
        throw new UnsupportedOperationException("this endpoint offers no tools, yet the model called one");
    }

    /** Nothing to send while text is held back or the model thinks: keep idle timers from firing. */
    void heartbeat();

    /** The last event: stop reason, usage, guardrail status and report, latency; the record is durable. */
    void finished(Ending ending);

    /** The stream failed after it began: an error event carrying the problem, then the end. */
    void failed(Ending ending, Problem problem);

    /** Runs {@code action} once if the client goes away before the stream ends. */
    void onClientGone(Runnable action);
}
