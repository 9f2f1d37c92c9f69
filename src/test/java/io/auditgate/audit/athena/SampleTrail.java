package io.auditgate.audit.athena;

import io.auditgate.audit.chain.RecordChain;
import io.auditgate.audit.chain.Segment;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * A small audit trail shaped like the gateway's, for the auditor queries: 40 requests of two tenants (and three
 * unauthenticated callers) on two instances, three models, 2025-03-01 hours 10, 11 and 23 and 2025-03-02 hours 0
 * and 9. Ten are refused (401, 403, 422, 429, 503, 504), eight redacted (one in the answer), one flagged, two
 * stopped by the Bedrock guardrail. Sealed with {@link RecordChain} and written as gzip segments with the real
 * key layout ({@code records/dt=.../hr=.../<instance>-<first>-<last>.jsonl.gz}) below a local store directory.
 * Segment A3 starts at 23:58 and holds two records of the next day.
 */
final class SampleTrail {

    static final String A = "i-0aaa1111";
    static final String B = "i-0bbb2222";
    static final String HAIKU = "anthropic.claude-3-haiku-20240307-v1:0";
    static final String SONNET = "anthropic.claude-3-5-sonnet-20240620-v1:0";
    static final String TITAN = "amazon.titan-text-express-v1";

    record Principal(String tenant, String type, String id) {
    }

    static final Principal ACME_KEY = new Principal("acme-bank", "api_key", "key-a1");
    static final Principal ACME_JWT = new Principal("acme-bank", "jwt", "alice@acme-bank.example");
    static final Principal GLOBEX = new Principal("globex-insurance", "api_key", "key-g1");
    static final Principal NOBODY = new Principal(null, "none", null);

    enum Kind {
        SERVED(200, null), REDACTED(200, null), ANSWER_REDACTED(200, null), FLAGGED(200, null),
        BEDROCK_BLOCKED(200, null), UNAUTHENTICATED(401, "unauthenticated"),
        MODEL_NOT_ALLOWED(403, "model-not-allowed"), PROMPT_BLOCKED(422, "prompt-blocked"),
        THROTTLED(429, "throttled"), UNAVAILABLE(503, "model-unavailable"), TIMEOUT(504, "model-timeout");

        final int status;
        final String problem;

        Kind(int status, String problem) {
            this.status = status;
            this.problem = problem;
        }

        boolean calledModel() {
            return status == 200 || status == 429 || status == 503 || status == 504;
        }
    }

    record Finding(String type, int count, String action) {
    }

    record Request(String received, Principal principal, String model, Kind kind, int inputTokens,
                   int outputTokens, int latency, List<Finding> findings) {
    }

    private static Request req(String received, Principal who, String model, Kind kind, int in, int out, int latency,
                               Finding... findings) {
        return new Request(received, who, model, kind, in, out, latency, List.of(findings));
    }

    private static Request refused(String received, Principal who, String model, Kind kind, int latency,
                                   Finding... findings) {
        return req(received, who, model, kind, 0, 0, latency, findings);
    }

    private static Finding mask(String type, int count) {
        return new Finding(type, count, "MASK");
    }

    /** Segments in shipping order per instance; each inner list becomes one object. */
    static final List<List<Request>> A_SEGMENTS = List.of(
            List.of(// A1: 2025-03-01 hr=10, seq 1-8
                    req("2025-03-01T10:00:05Z", ACME_KEY, HAIKU, Kind.SERVED, 100, 20, 400),
                    req("2025-03-01T10:04:10.125Z", ACME_KEY, HAIKU, Kind.REDACTED, 120, 25, 450, mask("EMAIL", 2)),
                    req("2025-03-01T10:09:00Z", GLOBEX, TITAN, Kind.SERVED, 50, 10, 300),
                    req("2025-03-01T10:15:30Z", ACME_JWT, SONNET, Kind.SERVED, 300, 100, 1200),
                    refused("2025-03-01T10:20:00Z", NOBODY, null, Kind.UNAUTHENTICATED, 2),
                    refused("2025-03-01T10:26:40Z", GLOBEX, SONNET, Kind.MODEL_NOT_ALLOWED, 3),
                    req("2025-03-01T10:33:00Z", ACME_KEY, HAIKU, Kind.REDACTED, 110, 30, 500,
                            mask("CREDIT_DEBIT_CARD_NUMBER", 1), mask("PHONE", 1)),
                    req("2025-03-01T10:45:15Z", ACME_JWT, SONNET, Kind.SERVED, 280, 90, 1100)),
            List.of(// A2: 2025-03-01 hr=11, seq 9-14
                    req("2025-03-01T11:02:00Z", GLOBEX, HAIKU, Kind.SERVED, 90, 15, 350),
                    refused("2025-03-01T11:07:30Z", GLOBEX, HAIKU, Kind.PROMPT_BLOCKED, 5,
                            new Finding("US_SOCIAL_SECURITY_NUMBER", 1, "BLOCK")),
                    req("2025-03-01T11:12:00Z", ACME_JWT, SONNET, Kind.FLAGGED, 310, 80, 1300,
                            new Finding("PROMPT_INJECTION", 2, "FLAG")),
                    req("2025-03-01T11:20:20Z", GLOBEX, TITAN, Kind.REDACTED, 60, 12, 320, mask("EMAIL", 1)),
                    refused("2025-03-01T11:31:00Z", ACME_KEY, HAIKU, Kind.THROTTLED, 900),
                    req("2025-03-01T11:48:00Z", GLOBEX, HAIKU, Kind.BEDROCK_BLOCKED, 70, 8, 600,
                            new Finding("CUSTOM_WORD", 1, "BLOCKED"))),
            List.of(// A3: starts 2025-03-01 23:58 (dt=2025-03-01/hr=23), runs into 2025-03-02; seq 15-17
                    req("2025-03-01T23:58:30Z", ACME_KEY, HAIKU, Kind.SERVED, 100, 20, 420),
                    req("2025-03-02T00:01:10Z", ACME_KEY, HAIKU, Kind.REDACTED, 105, 22, 430, mask("EMAIL", 1)),
                    req("2025-03-02T00:03:50Z", GLOBEX, TITAN, Kind.SERVED, 55, 11, 310)),
            List.of(// A4: 2025-03-02 hr=09, seq 18-22
                    req("2025-03-02T09:00:00Z", ACME_JWT, SONNET, Kind.SERVED, 320, 110, 1500),
                    refused("2025-03-02T09:05:00Z", NOBODY, null, Kind.UNAUTHENTICATED, 1),
                    refused("2025-03-02T09:10:00Z", GLOBEX, HAIKU, Kind.TIMEOUT, 10000),
                    req("2025-03-02T09:20:00Z", ACME_KEY, HAIKU, Kind.SERVED, 95, 18, 380),
                    req("2025-03-02T09:40:00Z", GLOBEX, TITAN, Kind.ANSWER_REDACTED, 65, 14, 330,
                            mask("EMAIL", 1))));

    static final List<List<Request>> B_SEGMENTS = List.of(
            List.of(// B1: 2025-03-01 hr=10, seq 1-6
                    req("2025-03-01T10:01:00Z", ACME_KEY, HAIKU, Kind.SERVED, 100, 20, 410),
                    req("2025-03-01T10:11:00Z", GLOBEX, HAIKU, Kind.SERVED, 80, 16, 340),
                    req("2025-03-01T10:21:00Z", ACME_KEY, TITAN, Kind.SERVED, 40, 9, 280),
                    req("2025-03-01T10:31:00Z", ACME_JWT, SONNET, Kind.REDACTED, 290, 95, 1150, mask("EMAIL", 1)),
                    refused("2025-03-01T10:41:00Z", GLOBEX, SONNET, Kind.MODEL_NOT_ALLOWED, 2),
                    refused("2025-03-01T10:51:00Z", GLOBEX, HAIKU, Kind.PROMPT_BLOCKED, 6,
                            new Finding("PROMPT_INJECTION.INSTRUCTION_OVERRIDE", 1, "BLOCK"),
                            new Finding("PROMPT_INJECTION.SYSTEM_PROMPT_EXTRACTION", 1, "BLOCK"))),
            List.of(// B2: 2025-03-01 hr=11, seq 7-12
                    req("2025-03-01T11:05:00Z", ACME_KEY, HAIKU, Kind.SERVED, 100, 20, 400),
                    req("2025-03-01T11:15:00Z", ACME_JWT, SONNET, Kind.SERVED, 305, 105, 1250),
                    req("2025-03-01T11:25:00Z", GLOBEX, TITAN, Kind.SERVED, 45, 10, 290),
                    req("2025-03-01T11:35:00Z", ACME_KEY, HAIKU, Kind.REDACTED, 130, 28, 520,
                            mask("EMAIL", 1), mask("CREDIT_DEBIT_CARD_NUMBER", 2)),
                    refused("2025-03-01T11:45:00Z", NOBODY, null, Kind.UNAUTHENTICATED, 2),
                    req("2025-03-01T11:55:00Z", GLOBEX, HAIKU, Kind.SERVED, 85, 17, 360)),
            List.of(// B3: 2025-03-02 hr=09, seq 13-18
                    req("2025-03-02T09:02:00Z", ACME_KEY, HAIKU, Kind.SERVED, 100, 20, 405),
                    req("2025-03-02T09:12:00Z", ACME_JWT, SONNET, Kind.SERVED, 295, 98, 1180),
                    req("2025-03-02T09:22:00Z", GLOBEX, TITAN, Kind.SERVED, 52, 11, 305),
                    req("2025-03-02T09:32:00Z", GLOBEX, HAIKU, Kind.BEDROCK_BLOCKED, 75, 9, 650,
                            new Finding("PROMPT_ATTACK", 1, "BLOCKED")),
                    refused("2025-03-02T09:42:00Z", ACME_KEY, HAIKU, Kind.UNAVAILABLE, 2500),
                    req("2025-03-02T09:52:00Z", ACME_KEY, HAIKU, Kind.SERVED, 98, 19, 395)));

    private SampleTrail() {
    }

    /** Seals both instances' requests and returns their segments, A's then B's. */
    static List<Segment> segments() {
        var segments = new ArrayList<Segment>();
        var counter = new int[] {0};
        for (var instance : List.of(A, B)) {
            var chain = RecordChain.start(instance);
            for (var requests : instance.equals(A) ? A_SEGMENTS : B_SEGMENTS) {
                segments.add(Segment.of(requests.stream()
                        .map(r -> chain.seal(record(++counter[0], instance, r))).toList()));
            }
        }
        return segments;
    }

    /** Writes every segment to {@code store/<key>}, as the local audit store and {@code aws s3 sync} lay it out. */
    static void write(Path store, List<Segment> segments) throws IOException {
        for (var segment : segments) {
            var file = store.resolve(segment.key("").relative());
            Files.createDirectories(file.getParent());
            Files.write(file, segment.gzip());
        }
    }

    /**
     * Rewrites one segment's object without the record of the given seq, keeping its key: what someone who
     * deletes a record from the stored trail leaves behind.
     */
    static void removeRecord(Path store, Segment segment, long seq) throws IOException {
        var lines = new String(segment.content(), StandardCharsets.UTF_8).lines().toList();
        var kept = lines.stream().filter(line -> !line.contains("\"seq\":" + seq + "}")).toList();
        if (kept.size() != lines.size() - 1) {
            throw new IllegalArgumentException("no record with seq " + seq + " in " + segment.key(""));
        }
        var bytes = new ByteArrayOutputStream();
        try (var gz = new GZIPOutputStream(bytes)) {
            gz.write(String.join("", kept.stream().map(line -> line + "\n").toList())
                    .getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Files.write(store.resolve(segment.key("").relative()), bytes.toByteArray());
    }

    static JsonObject record(int n, String instance, Request r) {
        var received = Instant.parse(r.received());
        var kind = r.kind();
        var times = Json.createObjectBuilder().add("received", received.toString());
        if (kind.calledModel()) {
            times.add("model_call_start", received.plusMillis(10).toString())
                    .add("model_call_end", received.plusMillis(r.latency() - 5).toString());
        }
        times.add("completed", received.plusMillis(r.latency()).toString());
        var record = Json.createObjectBuilder()
                .add("schema_version", "1")
                .add("record_id", String.format("req-%03d", n))
                .add("times", times);
        nullable(record, "tenant", r.principal().tenant());
        record.add("principal", nullable(Json.createObjectBuilder().add("type", r.principal().type()), "id",
                r.principal().id()));
        if (kind == Kind.UNAUTHENTICATED) {
            record.add("client", Json.createObjectBuilder().add("address", "203.0.113.9"))
                    .add("model", Json.createObjectBuilder().addNull("requested"))
                    .add("request", Json.createObjectBuilder().add("messages", Json.createArrayBuilder()));
        } else {
            record.add("client", Json.createObjectBuilder().add("address", "10.0.1." + (n % 200))
                            .add("user_agent", "app/1.2").add("request_id", "app-" + n))
                    .add("model", kind == Kind.MODEL_NOT_ALLOWED ? Json.createObjectBuilder().add("requested", r.model())
                            : Json.createObjectBuilder().add("requested", r.model()).add("resolved", r.model()))
                    .add("inference", Json.createObjectBuilder().add("max_tokens", 512).add("temperature", 0.2)
                            .add("stop", Json.createArrayBuilder()))
                    .add("request", Json.createObjectBuilder().add("system", "You answer briefly.")
                            .add("messages", Json.createArrayBuilder().add(Json.createObjectBuilder()
                                    .add("role", "user").add("content", "Question " + n + " from [EMAIL_1]"))));
        }
        if (kind.status == 200) {
            record.add("response", Json.createObjectBuilder().add("text", "Answer " + n)
                            .add("stop_reason", kind == Kind.BEDROCK_BLOCKED ? "guardrail_intervened" : "end_turn"))
                    .add("usage", Json.createObjectBuilder().add("input_tokens", r.inputTokens())
                            .add("output_tokens", r.outputTokens()).add("total_tokens", r.inputTokens() + r.outputTokens()));
        }
        record.add("guardrails", guardrails(r))
                .add("latency_ms", kind.calledModel()
                        ? Json.createObjectBuilder().add("total", r.latency()).add("upstream", r.latency() - 15)
                        : Json.createObjectBuilder().add("total", r.latency()));
        var outcome = Json.createObjectBuilder().add("http_status", kind.status);
        if (kind.problem != null) {
            outcome.add("problem_type", "https://auditgate.io/problems/" + kind.problem);
        }
        record.add("outcome", outcome.add("attempts", !kind.calledModel() ? 0 : kind.status == 200 ? 1 : 3));
        if (r.principal().tenant() != null) {
            record.add("metadata", Json.createObjectBuilder().add("case", "C-" + n));
        }
        return record.add("gateway", Json.createObjectBuilder().add("instance", instance).add("version", "0.1.0"))
                .add("policy_sha256", "ab".repeat(32))
                .build();
    }

    /** Input findings belong to the prompt, except for ANSWER_REDACTED and BEDROCK_BLOCKED. */
    private static JsonObjectBuilder guardrails(Request r) {
        var kind = r.kind();
        var inputStatus = switch (kind) {
            case REDACTED -> "redacted";
            case FLAGGED -> "flagged";
            case PROMPT_BLOCKED -> "blocked";
            case UNAUTHENTICATED, MODEL_NOT_ALLOWED -> "not_screened";
            default -> "allowed";
        };
        var promptFindings = kind == Kind.ANSWER_REDACTED || kind == Kind.BEDROCK_BLOCKED ? List.<Finding>of()
                : r.findings();
        var guardrails = Json.createObjectBuilder().add("input", screening(inputStatus, promptFindings));
        if (kind.status == 200) {
            guardrails.add("output", kind == Kind.ANSWER_REDACTED ? screening("redacted", r.findings())
                    : screening("allowed", List.of()));
        }
        if (r.principal() == GLOBEX && kind.calledModel()) {
            var intervened = kind == Kind.BEDROCK_BLOCKED;
            guardrails.add("bedrock", Json.createObjectBuilder()
                    .add("action", intervened ? "GUARDRAIL_INTERVENED" : "NONE")
                    .add("findings", findings(intervened ? r.findings() : List.of())));
        }
        return guardrails;
    }

    private static JsonObjectBuilder screening(String status, List<Finding> findings) {
        return Json.createObjectBuilder().add("status", status).add("findings", findings(findings));
    }

    private static JsonArrayBuilder findings(List<Finding> findings) {
        var array = Json.createArrayBuilder();
        findings.forEach(f -> array.add(Json.createObjectBuilder().add("type", f.type()).add("count", f.count())
                .add("action", f.action())));
        return array;
    }

    private static JsonObjectBuilder nullable(JsonObjectBuilder builder, String name, String value) {
        return value == null ? builder.addNull(name) : builder.add(name, value);
    }
}
