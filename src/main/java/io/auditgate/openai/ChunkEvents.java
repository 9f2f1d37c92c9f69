package io.auditgate.openai;

import io.auditgate.conversation.ToolCall;
import io.auditgate.core.AnswerEvents;
import io.auditgate.http.EventStream;
import io.auditgate.http.IdHeaders;
import io.auditgate.problem.OpenAiErrors;
import io.auditgate.problem.Problem;
import io.auditgate.request.Ending;
import io.auditgate.request.Exchange;
import jakarta.json.JsonObject;
import jakarta.servlet.AsyncContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;

/**
 * A streamed answer as OpenAI streams one: {@code data: {chat.completion.chunk}} events (the first with the role,
 * then one per screened text delta, two per tool call ({@link Completions#toolCallDeltas}), then one with the
 * {@code finish_reason}), with
 * {@code stream_options.include_usage} a usage chunk with empty {@code choices}, then {@code data: [DONE]}. A stream
 * that fails after it began ends with {@code data: {"error":{...}}} and no {@code [DONE]}, which the SDKs raise.
 * Heartbeats are SSE comments, which clients skip.
 */
final class ChunkEvents implements AnswerEvents {

    private static final byte[] DONE = "data: [DONE]\n\n".getBytes(StandardCharsets.US_ASCII);

    private final EventStream stream;
    private volatile boolean includeUsage;
    private Exchange exchange;
    private String model;

    ChunkEvents(AsyncContext async) {
        this.stream = new EventStream(async);
    }

    /** Whether the stream began: then its events are the whole response. */
    boolean isOpened() {
        return stream.isOpened();
    }

    /** Set from the request before the stream opens: whether the client asked for the usage chunk. */
    void includeUsage(boolean include) {
        this.includeUsage = include;
    }

    @Override
    public void opened(Exchange opened) {
        this.exchange = opened;
        this.model = opened.model().orElse("unknown");
        var response = stream.response();
        IdHeaders.set(response, opened);
        stream.open(data(Completions.chunk(opened, model,
                Completions.delta().add("role", "assistant").add("content", ""), null)));
    }

    /** A fallback answers: the chunks from now on name it, as the last one does. */
    @Override
    public void answering(String answering) {
        this.model = answering;
    }

    @Override
    public void text(String screened) {
        stream.send(data(Completions.chunk(exchange, model, Completions.delta().add("content", screened), null)));
    }

    @Override
    public void toolCall(int index, ToolCall screened) {
        for (var delta : Completions.toolCallDeltas(index, screened)) {
            stream.send(data(Completions.chunk(exchange, model, delta, null)));
        }
    }

    @Override
    public void heartbeat() {
        stream.heartbeat();
    }

    @Override
    public void finished(Ending ending) {
        var completion = ending.answer().orElseThrow().completion();
        model = completion.model();
        var last = new ArrayList<byte[]>();
        last.add(data(Completions.chunk(exchange, model, Completions.delta(),
                Completions.finishReason(completion.stopReason()))));
        if (includeUsage) {
            last.add(data(Completions.usageChunk(exchange, model, completion.usage())));
        }
        last.add(DONE);
        stream.close(last.toArray(byte[][]::new));
    }

    @Override
    public void failed(Ending ending, Problem problem) {
        stream.close(data(OpenAiErrors.json(problem)));
    }

    @Override
    public void onClientGone(Runnable action) {
        stream.onClientGone(action);
    }

    private static byte[] data(JsonObject json) {
        return ("data: " + json + "\n\n").getBytes(StandardCharsets.UTF_8);
    }
}
