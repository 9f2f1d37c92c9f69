package io.auditgate.audit.chain;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Instant;

/** Unsealed audit records shaped like the gateway's, for tests of the chain, the schema and the verifier. */
public final class SampleRecords {

    private SampleRecords() {
    }

    /** A served request, received at {@code received}, every optional member present. */
    public static JsonObject served(int n, Instant received) {
        var done = received.plusMillis(840);
        return Json.createObjectBuilder()
                .add("schema_version", "1")
                .add("record_id", "req-" + n)
                .add("times", Json.createObjectBuilder().add("received", received.toString())
                        .add("model_call_start", received.plusMillis(12).toString())
                        .add("model_call_end", received.plusMillis(830).toString()).add("completed", done.toString()))
                .add("tenant", "acme-bank")
                .add("principal", Json.createObjectBuilder().add("type", "api_key").add("id", "key-7"))
                .add("client", Json.createObjectBuilder().add("address", "10.0.0.7").add("user_agent", "curl/8.5"))
                .add("model", Json.createObjectBuilder().add("requested", "anthropic.claude-3-haiku-20240307-v1:0")
                        .add("resolved", "anthropic.claude-3-haiku-20240307-v1:0"))
                .add("inference", Json.createObjectBuilder().add("max_tokens", 256).add("temperature", 0.7)
                        .add("top_p", 0.9).add("stop", Json.createArrayBuilder().add("END")))
                .add("request", Json.createObjectBuilder().add("system", "You answer briefly.")
                        .add("messages", Json.createArrayBuilder().add(Json.createObjectBuilder().add("role", "user")
                                .add("content", "My card is {CREDIT_DEBIT_CARD_NUMBER}; question " + n + " \u20ac"))))
                .add("response", Json.createObjectBuilder().add("text", "Answer " + n).add("stop_reason", "end_turn"))
                .add("guardrails", Json.createObjectBuilder()
                        .add("input", screening("redacted", "CREDIT_DEBIT_CARD_NUMBER"))
                        .add("output", Json.createObjectBuilder().add("status", "allowed")
                                .add("findings", Json.createArrayBuilder()))
                        .add("bedrock", Json.createObjectBuilder().add("action", "NONE")
                                .add("findings", Json.createArrayBuilder())))
                .add("usage", Json.createObjectBuilder().add("input_tokens", 31).add("output_tokens", 12)
                        .add("total_tokens", 43))
                .add("latency_ms", Json.createObjectBuilder().add("total", 840).add("upstream", 818))
                .add("outcome", Json.createObjectBuilder().add("http_status", 200).add("attempts", 1))
                .add("metadata", Json.createObjectBuilder().add("case", "C-" + n))
                .add("gateway", Json.createObjectBuilder().add("instance", "i-0abc123").add("version", "0.1.0"))
                .add("policy_sha256", "ab".repeat(32))
                .build();
    }

    /** A request refused before authentication: no tenant, no principal id, no model call. */
    public static JsonObject refused(Instant received) {
        return Json.createObjectBuilder()
                .add("schema_version", "1")
                .add("record_id", "req-refused")
                .add("times", Json.createObjectBuilder().add("received", received.toString())
                        .add("completed", received.plusMillis(2).toString()))
                .addNull("tenant")
                .add("principal", Json.createObjectBuilder().add("type", "none").addNull("id"))
                .add("client", Json.createObjectBuilder().add("address", "203.0.113.9"))
                .add("model", Json.createObjectBuilder().addNull("requested"))
                .add("request", Json.createObjectBuilder().add("messages", Json.createArrayBuilder()))
                .add("guardrails", Json.createObjectBuilder().add("input", Json.createObjectBuilder()
                        .add("status", "allowed").add("findings", Json.createArrayBuilder())))
                .add("outcome", Json.createObjectBuilder().add("http_status", 401)
                        .add("problem_type", "https://auditgate.io/problems/unauthenticated").add("attempts", 0))
                .add("gateway", Json.createObjectBuilder().add("instance", "i-0abc123").add("version", "0.1.0"))
                .build();
    }

    private static JsonObject screening(String status, String type) {
        return Json.createObjectBuilder().add("status", status).add("findings", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("type", type).add("count", 1).add("action", "ANONYMIZE")))
                .build();
    }
}
