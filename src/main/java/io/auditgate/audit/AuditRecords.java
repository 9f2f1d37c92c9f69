package io.auditgate.audit;

import io.auditgate.guardrail.GuardrailJson;
import io.auditgate.guardrail.GuardrailStatus;
import io.auditgate.guardrail.ScreenedAnswer;
import io.auditgate.guardrail.ScreenedPrompt;
import io.auditgate.guardrail.StageReport;
import io.auditgate.problem.ProblemType;
import io.auditgate.quota.Demand;
import io.auditgate.request.ApiUse;
import io.auditgate.request.Ending;
import io.auditgate.request.Facts;
import io.auditgate.tenant.TenantsPolicy;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.time.Instant;
import java.util.Optional;

/**
 * Maps one request to an unsealed audit record (audit-record.v1, without {@code chain}). Explicit, field by field:
 * text comes only from {@link ScreenedPrompt}'s record views and {@link ScreenedAnswer#recordText()}, which are
 * always fully masked, and from {@link Facts}, whose client-chosen values are bounded and screened, so nothing
 * unredacted can reach a record through reflection or a forgotten field. {@code record_id} is the gateway's own id
 * of the request, never the client's.
 */
public final class AuditRecords {

    /**
     * Facts about the gateway that every record carries, with the tenants policy that governed the request (for a
     * request refused before authentication, the version in force).
     */
    public record Gateway(String instance, String version, String policySha256, Optional<Integer> policyVersion) {

        public Gateway(String instance, String version, String policySha256) {
            this(instance, version, policySha256, Optional.empty());
        }

        public static Gateway of(String instance, String version, TenantsPolicy policy) {
            return new Gateway(instance, version, policy.fingerprint(), Optional.of(policy.version()));
        }
    }

    /** An audit-only outcome, never sent to a client: the request began and the process stopped before it ended. */
    static final String INTERRUPTED = "https://auditgate.io/problems/interrupted";

    /** One provider, looked up once: {@code Json.create*} searches the class path on every call (seen in JFR). */
    private static final JsonProvider JSON = JsonProvider.provider();

    private AuditRecords() {
    }

    /**
     * The journal's begin entry: what a record needs if the request never completes (redacted text only), so the
     * next start can record it as interrupted with {@link #interrupted}.
     */
    public static JsonObject requestPart(Facts facts, ScreenedPrompt prompt) {
        return JSON.createObjectBuilder()
                .add("record_id", facts.requestId())
                .add("received", facts.receivedAt().toString())
                .add("tenant", facts.tenant().map(t -> (JsonValue) JSON.createValue(t)).orElse(JsonValue.NULL))
                .add("principal", principal(facts))
                .add("client", client(facts))
                .add("model", facts.model().orElse("unknown"))
                .add("request", request(prompt))
                .add("guardrails", guardrails(prompt.report(), Optional.empty()))
                .build();
    }

    /**
     * A request journaled (begun) but never completed, recorded at the next start: no answer was sent, so
     * {@code http_status} is null and {@code problem_type} the audit-only {@code .../interrupted}. Begin entries
     * written before tenant, principal, client and guardrails were journaled get neutral values for them.
     */
    public static JsonObject interrupted(String instance, String version, JsonObject begin, Instant completed) {
        var part = begin.getJsonObject("request");
        var none = JSON.createObjectBuilder().add("type", "none").add("id", JsonValue.NULL).build();
        var allowed = JSON.createObjectBuilder().add("input", JSON.createObjectBuilder()
                .add("status", "allowed").add("findings", JSON.createArrayBuilder())).build();
        return JSON.createObjectBuilder()
                .add("schema_version", "1")
                .add("record_id", part.getString("record_id"))
                .add("times", JSON.createObjectBuilder().add("received", part.getString("received"))
                        .add("completed", completed.toString()))
                .add("tenant", part.getOrDefault("tenant", JsonValue.NULL))
                .add("principal", part.getOrDefault("principal", none))
                .add("client", part.getOrDefault("client", JSON.createObjectBuilder().add("address", "unknown").build()))
                .add("model", JSON.createObjectBuilder().add("requested", part.getString("model")))
                .add("request", part.getJsonObject("request"))
                .add("guardrails", part.getOrDefault("guardrails", allowed))
                .add("outcome", JSON.createObjectBuilder().add("http_status", JsonValue.NULL)
                        .add("problem_type", INTERRUPTED).add("attempts", 0))
                .add("gateway", JSON.createObjectBuilder().add("instance", instance).add("version", version))
                .build();
    }

    /**
     * A streamed request's record with its stream facts ({@code stream}: how it ended, chunks sent, time to the first)
     * and, for a stream that ended early, the screened text that was sent before it did.
     */
    public static JsonObject streamed(JsonObject record, Ending ending) {
        var facts = ending.stream().orElseThrow();
        var stream = JSON.createObjectBuilder().add("ended", facts.ended()).add("chunks", facts.chunks());
        facts.firstTokenMillis().ifPresent(ms -> stream.add("first_token_ms", ms));
        var json = JSON.createObjectBuilder(record).add("stream", stream);
        if (!record.containsKey("response")) {
            ending.answer().ifPresent(a -> json.add("response", response(a)));
        }
        return json.build();
    }

    /**
     * The record with what the tenant's limits and budgets made of the request ({@code quota}), for a metered tenant:
     * the ledger, the estimate it asked for, the limit that refused it, or what it was settled at. Cost in pico-USD
     * (exact integers). Unchanged for a request of an unmetered tenant or one refused before the ledger was asked.
     */
    public static JsonObject metered(JsonObject record, Ending ending) {
        var allowance = ending.exchange().allowance();
        if (allowance.isEmpty()) {
            return record;
        }
        var quota = JSON.createObjectBuilder()
                .add("ledger", allowance.get().local() ? "local" : "grid")
                .add("estimate", demand(allowance.get().asked()));
        allowance.get().verdict().refusedBy().ifPresent(limit -> quota.add("refused_by", limit.policyName()));
        ending.charged().ifPresent(charged -> quota.add("settled", demand(charged)));
        return JSON.createObjectBuilder(record).add("quota", quota).build();
    }

    private static JsonObjectBuilder demand(Demand demand) {
        return JSON.createObjectBuilder().add("tokens", demand.budgetTokens())
                .add("weighted_tokens", demand.rateTokens()).add("cost_pico_usd", demand.costPicoUsd());
    }

    public static JsonObject answered(Gateway gateway, Facts facts, ScreenedPrompt prompt, ScreenedAnswer answer, Instant completed) {
        var usage = answer.completion().usage();
        var json = common(gateway, facts, 200, Optional.of(prompt), completed)
                .add("response", response(answer))
                .add("guardrails", guardrails(prompt.report(), Optional.of(answer)))
                .add("usage", JSON.createObjectBuilder().add("input_tokens", usage.inputTokens())
                        .add("output_tokens", usage.outputTokens()).add("total_tokens", usage.totalTokens()));
        json.add("model", model(facts).add("resolved", answer.completion().model()));
        return json.build();
    }

    /**
     * A refused or failed request: what is safe to keep (never unscreened text). With a prompt (refused by the
     * guardrails, or failed after screening) its redacted text and report; without one, {@code not_screened}.
     */
    public static JsonObject refused(Gateway gateway, Facts facts, int status, Optional<ScreenedPrompt> prompt, Instant completed) {
        var blocked = facts.problem().filter(p -> p == ProblemType.PROMPT_BLOCKED).isPresent();
        var input = prompt.map(ScreenedPrompt::report)
                .orElse(blocked ? new StageReport(GuardrailStatus.BLOCKED, java.util.List.of()) : StageReport.NOT_SCREENED);
        return common(gateway, facts, status, prompt, completed)
                .add("guardrails", guardrails(input, Optional.empty()))
                .add("model", model(facts))
                .build();
    }

    private static JsonObjectBuilder common(Gateway gateway, Facts facts, int status, Optional<ScreenedPrompt> prompt, Instant completed) {
        var times = JSON.createObjectBuilder().add("received", facts.receivedAt().toString());
        facts.modelCallStart().ifPresent(t -> times.add("model_call_start", t.toString()));
        facts.modelCallEnd().ifPresent(t -> times.add("model_call_end", t.toString()));
        times.add("completed", completed.toString());
        var outcome = JSON.createObjectBuilder().add("http_status", status).add("attempts", facts.attempts());
        facts.problem().ifPresent(p -> outcome.add("problem_type", p.type().toString()));
        var latency = JSON.createObjectBuilder().add("total", facts.totalMillis());
        if (facts.attempts() > 0) {
            latency.add("upstream", facts.upstreamMillis());
        }
        var json = JSON.createObjectBuilder()
                .add("schema_version", "1")
                .add("record_id", facts.requestId())
                .add("times", times)
                .add("tenant", facts.tenant().map(t -> (JsonValue) JSON.createValue(t)).orElse(JsonValue.NULL))
                .add("principal", principal(facts))
                .add("client", client(facts))
                .add("request", prompt.map(AuditRecords::request)
                        .orElse(JSON.createObjectBuilder().add("messages", JSON.createArrayBuilder()).build()))
                .add("latency_ms", latency)
                .add("outcome", outcome)
                .add("gateway", JSON.createObjectBuilder().add("instance", gateway.instance()).add("version", gateway.version()));
        if (gateway.policySha256() != null) {
            json.add("policy_sha256", gateway.policySha256());
        }
        gateway.policyVersion().ifPresent(v -> json.add("policy_version", v));
        facts.api().ifPresent(api -> json.add("api", api(api)));
        prompt.ifPresent(p -> json.add("inference", inference(p)).add("metadata", metadata(p)));
        return json;
    }

    /** The answer's masked text and, only when it called any, its tool calls (masked arguments). */
    private static JsonObjectBuilder response(ScreenedAnswer answer) {
        var json = JSON.createObjectBuilder().add("text", answer.recordText())
                .add("stop_reason", answer.completion().stopReason());
        if (!answer.recordToolCalls().isEmpty()) {
            json.add("tool_calls", ToolRecords.calls(answer.recordToolCalls()));
        }
        return json;
    }

    /** The masked conversation; tool names offered, tool calls and results only when there are any. */
    private static JsonObject request(ScreenedPrompt prompt) {
        var messages = JSON.createArrayBuilder();
        prompt.recordMessages().forEach(m -> messages.add(ToolRecords.message(m)));
        var json = JSON.createObjectBuilder();
        prompt.recordSystem().ifPresent(s -> json.add("system", s));
        json.add("messages", messages);
        if (!prompt.tools().isEmpty()) {
            ToolRecords.offered(prompt.tools(), json);
        }
        return json.build();
    }

    private static JsonObjectBuilder inference(ScreenedPrompt prompt) {
        var inference = prompt.recordInference();
        var json = JSON.createObjectBuilder();
        if (inference.maxTokens() != null) {
            json.add("max_tokens", inference.maxTokens());
        }
        if (inference.temperature() != null) {
            json.add("temperature", inference.temperature());
        }
        if (inference.topP() != null) {
            json.add("top_p", inference.topP());
        }
        var stop = JSON.createArrayBuilder();
        inference.stop().forEach(stop::add);
        return json.add("stop", stop);
    }

    private static JsonObjectBuilder metadata(ScreenedPrompt prompt) {
        var json = JSON.createObjectBuilder();
        prompt.metadata().forEach(json::add);
        return json;
    }

    /** The surface, and only when there are any the ignored fields and the client's retry count. */
    private static JsonObjectBuilder api(ApiUse api) {
        var json = JSON.createObjectBuilder().add("surface", api.surface());
        if (!api.ignoredFields().isEmpty()) {
            var names = JSON.createArrayBuilder();
            api.ignoredFields().forEach(names::add);
            json.add("ignored_fields", names);
        }
        api.clientRetries().ifPresent(n -> json.add("client_retry_count", n));
        return json;
    }

    private static JsonObjectBuilder principal(Facts facts) {
        return JSON.createObjectBuilder()
                .add("type", facts.authMethod().orElse("none"))
                .add("id", facts.principal().map(p -> (JsonValue) JSON.createValue(p)).orElse(JsonValue.NULL));
    }

    /** Only what the trace let through: nothing of an unauthenticated request's headers but an oversized one's hash. */
    private static JsonObjectBuilder client(Facts facts) {
        var json = JSON.createObjectBuilder().add("address", facts.clientAddress());
        facts.userAgent().ifPresent(ua -> json.add("user_agent", ua));
        facts.clientRequestId().ifPresent(id -> json.add("request_id", id));
        return json;
    }

    private static JsonObjectBuilder model(Facts facts) {
        return JSON.createObjectBuilder()
                .add("requested", facts.model().map(m -> (JsonValue) JSON.createValue(m)).orElse(JsonValue.NULL));
    }

    private static JsonObjectBuilder guardrails(StageReport input, Optional<ScreenedAnswer> answer) {
        var json = JSON.createObjectBuilder().add("input", GuardrailJson.stage(input));
        answer.ifPresent(a -> {
            json.add("output", GuardrailJson.stage(a.report().output()));
            a.report().bedrock().ifPresent(b -> json.add("bedrock", JSON.createObjectBuilder()
                    .add("action", b.status() == GuardrailStatus.BLOCKED ? "GUARDRAIL_INTERVENED" : "NONE")
                    .add("findings", GuardrailJson.findings(b))));
        });
        return json;
    }


}
