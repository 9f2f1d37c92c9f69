package io.auditgate.telemetry;

import io.auditgate.guardrail.ScreenedPrompt;
import io.auditgate.request.Ending;
import io.auditgate.process.Worker;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.spi.JsonProvider;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One JSON line per request on standard output, with fixed keys. By construction it can only hold what a request's
 * {@link Ending} lets through: identifiers and client text bounded by {@code ClientText} (the path as is only when it
 * is a route the gateway serves, any other as its hash), counts, timings, and metadata as the guardrails screened
 * it, never prompt or answer text.
 * Lines are made on the request's thread and written by one writer thread, many per {@code write} under load, so
 * a request never waits for standard output; when the queue is full the request writes its line itself, so no line
 * is dropped.
 */
@ApplicationScoped
public class RequestLog {

    /** Looked up once: {@code jakarta.json.Json}'s static methods search the class path for a provider on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private static final int QUEUE = 16_384;

    private final OutputStream out = new FileOutputStream(FileDescriptor.out);
    private final BlockingQueue<String> lines = new ArrayBlockingQueue<>(QUEUE);

    @PostConstruct
    void start() {
        Worker.REQUEST_LOG.start(this::run);
    }

    void write(Ending ending) {
        var text = text(ending);
        if (!lines.offer(text)) {
            writeNow(List.of(text));
        }
    }

    static String text(Ending ending) {
        var exchange = ending.exchange();
        var facts = ending.facts();
        var calls = ending.calls();
        var text = new StringWriter(512);
        try (var json = JSON.createGenerator(text)) {
            json.writeStartObject()
                    .write("ts", Instant.now().toString())
                    .write("log", "request")
                    .write("request_id", exchange.requestId())
                    .write("method", exchange.method())
                    .write("path", exchange.path())
                    .write("status", ending.status())
                    .write("outcome", ending.outcome().label())
                    .write("latency_ms", millis(ending.latencyNanos()));
            facts.clientRequestId().ifPresent(id -> json.write("client_request_id", id));
            ending.problem().ifPresent(p -> json.write("problem_type", p.slug()));
            facts.tenant().ifPresent(t -> json.write("tenant", t));
            facts.principal().ifPresent(p -> json.write("principal", p));
            facts.model().ifPresent(m -> json.write("model", m));
            if (ending.answeredByFallback()) {
                json.write("answered_by", ending.answeringModel().orElseThrow());
            }
            if (calls.attempts() > 0) {
                json.write("attempts", calls.attempts()).write("upstream_latency_ms", millis(calls.upstreamNanos()));
            }
            ending.usage().ifPresent(u -> json.write("input_tokens", u.inputTokens()).write("output_tokens", u.outputTokens()));
            ending.guardrail().ifPresent(g -> json.write("guardrail_status", g.wire()));
            var metadata = ending.prompt().map(ScreenedPrompt::metadata).orElse(Map.of());
            if (!metadata.isEmpty()) {
                json.writeStartObject("metadata");
                for (Map.Entry<String, String> entry : metadata.entrySet()) {
                    json.write(entry.getKey(), entry.getValue());
                }
                json.writeEnd();
            }
            json.writeEnd();
        }
        return text.toString();
    }

    private void run() {
        var batch = new ArrayList<String>();
        while (true) {
            try {
                batch.add(lines.take());
            } catch (InterruptedException e) {
                return;
            }
            lines.drainTo(batch);
            writeNow(batch);
            batch.clear();
        }
    }

    private void writeNow(List<String> batch) {
        var bytes = new StringBuilder(batch.size() * 400);
        batch.forEach(text -> bytes.append(text).append('\n'));
        synchronized (out) {
            try {
                out.write(bytes.toString().getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                // standard output is gone (a closed pipe): nothing else can report it
            }
        }
    }

    /** Writes what is queued; at shutdown, so the last requests' lines are not lost. */
    @PreDestroy
    void flush() {
        var rest = new ArrayList<String>();
        lines.drainTo(rest);
        if (!rest.isEmpty()) {
            writeNow(rest);
        }
    }

    private static double millis(long nanos) {
        return Math.round(nanos / (double) TimeUnit.MILLISECONDS.toNanos(1) * 1000) / 1000.0;
    }
}
