package io.auditgate.telemetry;

import io.auditgate.problem.Outcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * One JSON line per request on standard output, with fixed keys. By construction it can only hold what
 * {@link RequestTrace} holds: identifiers, counts, timings and client metadata, never prompt or answer text.
 */
@ApplicationScoped
public class RequestLog {

    /** Looked up once: {@code jakarta.json.Json}'s static methods search the class path for a provider on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private static final int MAX_PATH = 200;

    private final PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);

    record Line(String method, String path, int status, Outcome outcome, long latencyNanos, RequestTrace trace) {
    }

    void write(Line line) {
        var text = toJson(line).build().toString();
        synchronized (out) {
            out.println(text);
            out.flush();
        }
    }

    static JsonObjectBuilder toJson(Line line) {
        var trace = line.trace();
        var json = JSON.createObjectBuilder()
                .add("ts", Instant.now().toString())
                .add("log", "request")
                .add("request_id", trace.requestId())
                .add("method", line.method())
                .add("path", "/" + truncate(line.path()))
                .add("status", line.status())
                .add("outcome", line.outcome().label())
                .add("latency_ms", millis(line.latencyNanos()));
        trace.problem().ifPresent(p -> json.add("problem_type", p.slug()));
        trace.tenant().ifPresent(t -> json.add("tenant", t));
        trace.principal().ifPresent(p -> json.add("principal", p));
        trace.model().ifPresent(m -> json.add("model", m));
        if (trace.attempts() > 0) {
            json.add("attempts", trace.attempts()).add("upstream_latency_ms", millis(trace.upstreamNanos()));
        }
        trace.inputTokens().ifPresent(t -> json.add("input_tokens", t));
        trace.outputTokens().ifPresent(t -> json.add("output_tokens", t));
        trace.guardrailStatus().ifPresent(g -> json.add("guardrail_status", g));
        if (!trace.metadata().isEmpty()) {
            var metadata = JSON.createObjectBuilder();
            trace.metadata().forEach(metadata::add);
            json.add("metadata", metadata);
        }
        return json;
    }

    private static double millis(long nanos) {
        return Math.round(nanos / (double) TimeUnit.MILLISECONDS.toNanos(1) * 1000) / 1000.0;
    }

    private static String truncate(String path) {
        var trimmed = path.startsWith("/") ? path.substring(1) : path;
        return trimmed.length() <= MAX_PATH ? trimmed : trimmed.substring(0, MAX_PATH) + "...";
    }
}
