package io.auditgate.telemetry;

import io.auditgate.problem.Outcome;
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
 * One JSON line per request on standard output, with fixed keys. By construction it can only hold what
 * {@link RequestTrace} holds: identifiers, counts, timings and screened client metadata, never prompt or answer
 * text. The path is written as is only when it is a route the gateway serves; any other (a 404's) as its hash.
 * Lines are made on the request's thread and written by one writer thread, many per {@code write} under load, so
 * a request never waits for standard output; when the queue is full the request writes its line itself, so no line
 * is dropped.
 */
@ApplicationScoped
public class RequestLog {

    /** Looked up once: {@code jakarta.json.Json}'s static methods search the class path for a provider on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private static final java.util.Set<String> ROUTES = java.util.Set.of("/invoke", "/invoke/");
    private static final int QUEUE = 16_384;

    private final OutputStream out = new FileOutputStream(FileDescriptor.out);
    private final BlockingQueue<String> lines = new ArrayBlockingQueue<>(QUEUE);

    @PostConstruct
    void start() {
        var writer = new Thread(this::run, "request-log");
        writer.setDaemon(true);
        writer.start();
    }

    record Line(String method, String path, int status, Outcome outcome, long latencyNanos, RequestTrace trace) {
    }

    void write(Line line) {
        var text = text(line);
        if (!lines.offer(text)) {
            writeNow(List.of(text));
        }
    }

    static String text(Line line) {
        var trace = line.trace();
        var text = new StringWriter(512);
        try (var json = JSON.createGenerator(text)) {
            json.writeStartObject()
                    .write("ts", Instant.now().toString())
                    .write("log", "request")
                    .write("request_id", trace.requestId())
                    .write("method", method(line.method()))
                    .write("path", path(line.path()))
                    .write("status", line.status())
                    .write("outcome", line.outcome().label())
                    .write("latency_ms", millis(line.latencyNanos()));
            trace.clientRequestId().ifPresent(id -> json.write("client_request_id", id));
            trace.problem().ifPresent(p -> json.write("problem_type", p.slug()));
            trace.tenant().ifPresent(t -> json.write("tenant", t));
            trace.principal().ifPresent(p -> json.write("principal", p));
            trace.model().ifPresent(m -> json.write("model", m));
            if (trace.attempts() > 0) {
                json.write("attempts", trace.attempts()).write("upstream_latency_ms", millis(trace.upstreamNanos()));
            }
            trace.inputTokens().ifPresent(t -> json.write("input_tokens", t));
            trace.outputTokens().ifPresent(t -> json.write("output_tokens", t));
            trace.guardrailStatus().ifPresent(g -> json.write("guardrail_status", g));
            if (!trace.metadata().isEmpty()) {
                json.writeStartObject("metadata");
                for (Map.Entry<String, String> entry : trace.metadata().entrySet()) {
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

    /** A request path a client chose may hold anything: only the gateway's own routes are written as text. */
    static String path(String path) {
        return path != null && ROUTES.contains(path) ? path : ClientText.hashed(String.valueOf(path)).text();
    }

    /** Methods are tokens, but a client may send any: the standard ones as they are, others as their hash. */
    static String method(String method) {
        return ClientText.identifier(method, ClientText.METHOD).text();
    }
}
