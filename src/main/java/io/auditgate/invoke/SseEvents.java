package io.auditgate.invoke;

import io.auditgate.core.AnswerEvents;
import io.auditgate.http.EventStream;
import io.auditgate.http.IdHeaders;
import io.auditgate.problem.Problem;
import io.auditgate.problem.ProblemWriter;
import io.auditgate.request.Ending;
import io.auditgate.request.Exchange;
import jakarta.json.spi.JsonProvider;
import jakarta.servlet.AsyncContext;
import java.nio.charset.StandardCharsets;

/**
 * A streamed {@code /invoke} answer as server-sent events, written without blocking by an {@link EventStream}. Events:
 * {@code start} ({@code request_id}, {@code model_id}), {@code delta} ({@code text}, screened), comments as
 * heartbeats, then {@code end} (stop reason, usage, guardrail status and report, latency) or {@code error} (the
 * problem document).
 */
final class SseEvents implements AnswerEvents {

    private static final JsonProvider JSON = JsonProvider.provider();

    private final EventStream stream;

    SseEvents(AsyncContext async) {
        this.stream = new EventStream(async);
    }

    /** Whether the stream began: then its events are the whole response. */
    boolean isOpened() {
        return stream.isOpened();
    }

    @Override
    public void opened(Exchange exchange) {
        var response = stream.response();
        IdHeaders.set(response, exchange);
        stream.open(event("start", JSON.createObjectBuilder().add("request_id", exchange.requestId())
                .add("model_id", exchange.model().orElse("unknown")).build().toString()));
    }

    @Override
    public void text(String screened) {
        stream.send(event("delta", JSON.createObjectBuilder().add("text", screened).build().toString()));
    }

    @Override
    public void heartbeat() {
        stream.heartbeat();
    }

    @Override
    public void finished(Ending ending) {
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
        stream.close(event("end", json.build().toString()));
    }

    @Override
    public void failed(Ending ending, Problem problem) {
        stream.close(event("error", ProblemWriter.json(problem)));
    }

    @Override
    public void onClientGone(Runnable action) {
        stream.onClientGone(action);
    }

    private static byte[] event(String name, String data) {
        return ("event: " + name + "\ndata: " + data + "\n\n").getBytes(StandardCharsets.UTF_8);
    }
}
