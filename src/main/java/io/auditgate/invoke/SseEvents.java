package io.auditgate.invoke;

import io.auditgate.core.AnswerEvents;
import io.auditgate.problem.Problem;
import io.auditgate.problem.ProblemWriter;
import io.auditgate.request.Ending;
import io.auditgate.request.Exchange;
import io.auditgate.request.RequestIds;
import jakarta.json.spi.JsonProvider;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A streamed {@code /invoke} answer as server-sent events ({@code text/event-stream}), written without blocking: each
 * event is queued and handed to the connection whenever it can take bytes ({@link WriteListener}), so a slow client
 * holds a queue, never a thread. Events: {@code start} ({@code request_id}, {@code model_id}), {@code delta}
 * ({@code text}, screened), comments as heartbeats, then {@code end} (stop reason, usage, guardrail status and report,
 * latency) or {@code error} (the problem document). A failed write means the client went away.
 */
final class SseEvents implements AnswerEvents, WriteListener {

    static final String MEDIA_TYPE = "text/event-stream";
    private static final JsonProvider JSON = JsonProvider.provider();
    private static final byte[] HEARTBEAT = ": heartbeat\n\n".getBytes(StandardCharsets.US_ASCII);

    private final AsyncContext async;
    private final Deque<byte[]> queue = new ArrayDeque<>();
    private ServletOutputStream out;
    private Runnable clientGone = () -> { };
    private boolean opened;
    private boolean closing;
    private boolean done;

    SseEvents(AsyncContext async) {
        this.async = async;
    }

    /** Whether the stream began: then its events are the whole response. */
    synchronized boolean isOpened() {
        return opened;
    }

    @Override
    public synchronized void opened(Exchange exchange) {
        var response = (HttpServletResponse) async.getResponse();
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(MEDIA_TYPE + ";charset=UTF-8");
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("X-Accel-Buffering", "no");
        response.setHeader(RequestIds.HEADER, exchange.requestId());
        exchange.client().echoedRequestId().ifPresent(id -> response.setHeader(RequestIds.CLIENT_HEADER, id));
        opened = true;
        queue.add(event("start", JSON.createObjectBuilder().add("request_id", exchange.requestId())
                .add("model_id", exchange.model().orElse("unknown")).build().toString()));
        try {
            out = response.getOutputStream();
            out.setWriteListener(this);
        } catch (IOException | RuntimeException e) {
            gone();
        }
    }

    @Override
    public synchronized void text(String screened) {
        enqueue(event("delta", JSON.createObjectBuilder().add("text", screened).build().toString()));
    }

    @Override
    public synchronized void heartbeat() {
        enqueue(HEARTBEAT);
    }

    @Override
    public synchronized void finished(Ending ending) {
        var answer = ending.answer().orElseThrow();
        var usage = answer.completion().usage();
        var json = JSON.createObjectBuilder()
                .add("request_id", ending.requestId())
                .add("model_id", answer.completion().model())
                .add("stop_reason", answer.completion().stopReason())
                .add("usage", JSON.createObjectBuilder().add("input_tokens", usage.inputTokens())
                        .add("output_tokens", usage.outputTokens()).add("total_tokens", usage.totalTokens()))
                .add("guardrail_status", answer.status().wire())
                .add("guardrail", InvokeResponseWriter.guardrail(answer.report()))
                .add("latency_ms", ending.exchange().elapsedMillis());
        closing = true;
        enqueue(event("end", json.build().toString()));
    }

    @Override
    public synchronized void failed(Ending ending, Problem problem) {
        closing = true;
        enqueue(event("error", ProblemWriter.json(problem)));
    }

    @Override
    public synchronized void onClientGone(Runnable action) {
        this.clientGone = action;
    }

    @Override
    public synchronized void onWritePossible() {
        drain();
    }

    @Override
    public synchronized void onError(Throwable failure) {
        gone();
    }

    private void enqueue(byte[] bytes) {
        if (done) {
            return;
        }
        queue.add(bytes);
        if (out != null) {
            drain();
        }
    }

    /** Hands queued events over while the connection takes them; ends the response after the last one. */
    private void drain() {
        try {
            while (!done && out.isReady()) {
                var next = queue.poll();
                if (next == null) {
                    out.flush();
                    if (closing && out.isReady()) {
                        done = true;
                        async.complete();
                    }
                    return;
                }
                out.write(next);
            }
        } catch (IOException | RuntimeException e) {
            gone();
        }
    }

    private void gone() {
        if (!done) {
            done = true;
            queue.clear();
            var action = clientGone;
            async.complete();
            action.run();
        }
    }

    private static byte[] event(String name, String data) {
        return ("event: " + name + "\ndata: " + data + "\n\n").getBytes(StandardCharsets.UTF_8);
    }
}
