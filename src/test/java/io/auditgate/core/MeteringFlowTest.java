package io.auditgate.core;

import static io.auditgate.tenant.PolicyJson.HAIKU;
import static io.auditgate.tenant.PolicyJson.key;
import static io.auditgate.tenant.PolicyJson.policy;
import static io.auditgate.tenant.PolicyJson.tenant;
import static org.assertj.core.api.Assertions.assertThat;

import io.auditgate.audit.AuditTrail;
import io.auditgate.auth.Authentication;
import io.auditgate.auth.Credentials;
import io.auditgate.auth.NewApiKey;
import io.auditgate.conversation.ChatMessage;
import io.auditgate.conversation.ChatRequest;
import io.auditgate.conversation.Inference;
import io.auditgate.conversation.Role;
import io.auditgate.guardrail.Guardrails;
import io.auditgate.problem.GatewayException;
import io.auditgate.problem.ProblemType;
import io.auditgate.quota.Limit;
import io.auditgate.quota.Quotas;
import io.auditgate.request.Exchange;
import io.auditgate.testing.Await;
import io.auditgate.tenant.PolicyHolder;
import io.auditgate.tenant.PolicyJson;
import io.auditgate.tenant.Tenants;
import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Limits and budgets on the request path, through the real {@link Gateway} with this instance's ledger: admission
 * reserves, the end settles, every refusal has its record naming the limit, and what the record says was reserved
 * and settled is exact.
 */
class MeteringFlowTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** "You help jane.planted@example.com" and "Hello": 38 UTF-8 bytes, so 13 tokens estimated. */
    private static final int INPUT_ESTIMATE = 13;

    @TempDir
    Path dir;

    private final NewApiKey pacedKey = NewApiKey.generate(RANDOM);
    private final NewApiKey budgetedKey = NewApiKey.generate(RANDOM);
    private final NewApiKey strictKey = NewApiKey.generate(RANDOM);
    private final FlowFakes.Model model = new FlowFakes.Model();
    private final FlowFakes.Sink sink = new FlowFakes.Sink();
    private final FlowFakes.Streams streams = new FlowFakes.Streams();
    private Gateway gateway;

    @BeforeEach
    void wire() {
        var paced = tenant("paced", key(pacedKey), HAIKU)
                .replace("\"max_output_tokens\":500", "\"max_output_tokens\":500,\"requests_per_minute\":2");
        var budgeted = tenant("budgeted", key(budgetedKey), HAIKU).replace("\"max_output_tokens\":500}",
                "\"max_output_tokens\":500,\"default_max_tokens\":5},"
                        + "\"budgets\":{\"tokens_per_day\":45,\"cost_usd_per_day\":1}");
        var strict = tenant("strict", key(strictKey), HAIKU)
                .replace("\"max_output_tokens\":500", "\"max_output_tokens\":500,\"require_max_tokens\":true");
        var json = policy(1, paced, budgeted, strict).replace("{\"version\":1,", "{\"version\":1,\"models\":{\""
                + HAIKU + "\":{\"input_usd_per_1k\":0.00025,\"output_usd_per_1k\":0.00125,\"output_token_weight\":5}},");
        var tenants = new Tenants(new PolicyHolder(PolicyJson.write(dir.resolve("tenants.json"), json)));
        var audit = new AuditTrail(sink, Duration.ofSeconds(5), "i-flow", "0.0.0-flow", tenants::current);
        gateway = new Gateway(new Authentication(tenants), new Guardrails(), model, streams, audit,
                ending -> { }, 16, Quotas.local(Clock.systemUTC()));
    }

    private Reply serve(NewApiKey key, Integer maxTokens) {
        return serveAsync(key, maxTokens, Optional.empty()).join();
    }

    private CompletableFuture<Reply> serveAsync(NewApiKey key, Integer maxTokens, Optional<AnswerEvents> events) {
        var exchange = Exchange.arrived("flow", "POST", "/invoke", Exchange.Client.of("127.0.0.1", "flow/1", null));
        var request = new ChatRequest(exchange.requestId(), HAIKU, Optional.of("You help jane.planted@example.com"),
                List.of(new ChatMessage(Role.USER, "Hello")), new Inference(maxTokens, null, null, List.of()), Map.of(),
                events.isPresent());
        return gateway.serve(exchange, new Inbound() {
            @Override
            public io.auditgate.auth.Credential credential() {
                return Credentials.from(null, key.plaintext());
            }

            @Override
            public ChatRequest request() {
                return request;
            }

            @Override
            public AnswerEvents events() {
                return events.orElseThrow();
            }
        });
    }

    private JsonObject record(Reply reply) {
        return sink.records.stream().filter(r -> r.getString("record_id").equals(reply.ending().requestId()))
                .findFirst().orElseThrow();
    }

    @Test
    void twoPerMinuteAnswersTwoAndRefusesTheThirdWithRetryAfterAndARecordNamingTheLimit() {
        assertThat(serve(pacedKey, 10).answer()).isPresent();
        assertThat(serve(pacedKey, 10).answer()).isPresent();
        var refused = serve(pacedKey, 10);

        var problem = refused.problem().orElseThrow();
        assertThat(problem.type()).isEqualTo(ProblemType.RATE_LIMITED);
        assertThat(problem.retryAfterValue()).hasValueSatisfying(after -> assertThat(after).isBetween(
                Duration.ofSeconds(59), Duration.ofSeconds(60)));
        assertThat(problem.detail()).contains("limits.requests_per_minute");
        var quota = record(refused).getJsonObject("quota");
        assertThat(quota.getString("refused_by")).isEqualTo("limits.requests_per_minute");
        assertThat(quota.getString("ledger")).isEqualTo("local");
        assertThat(quota.containsKey("settled")).isFalse();
        assertThat(model.seen).hasSize(2);
        var standing = refused.ending().exchange().allowance().orElseThrow().verdict().standing().limits();
        assertThat(standing).singleElement().satisfies(s -> {
            assertThat(s.limit()).isEqualTo(Limit.REQUESTS_PER_MINUTE);
            assertThat(s.remaining()).isZero();
        });
    }

    @Test
    void theRecordOfAnAnsweredRequestHasWhatWasReservedAndWhatWasSettledExactly() {
        var answered = serve(budgetedKey, null);

        assertThat(answered.answer()).isPresent();
        assertThat(model.seen.get(0).inference().maxTokens()).as("the default cap went to the model").isEqualTo(5);
        var quota = record(answered).getJsonObject("quota");
        var estimate = quota.getJsonObject("estimate");
        assertThat(estimate.getJsonNumber("tokens").longValue()).isEqualTo(INPUT_ESTIMATE + 5);
        assertThat(estimate.getJsonNumber("weighted_tokens").longValue()).isEqualTo(INPUT_ESTIMATE + 5 * 5);
        assertThat(estimate.getJsonNumber("cost_pico_usd").longValue())
                .isEqualTo(INPUT_ESTIMATE * 250_000L + 5 * 1_250_000L);
        var settled = quota.getJsonObject("settled");
        assertThat(settled.getJsonNumber("tokens").longValue()).isEqualTo(20);
        assertThat(settled.getJsonNumber("weighted_tokens").longValue()).isEqualTo(12 + 8 * 5);
        assertThat(settled.getJsonNumber("cost_pico_usd").longValue()).isEqualTo(12 * 250_000L + 8 * 1_250_000L);
    }

    @Test
    void aSpentBudgetIsRefusedAsBudgetExhaustedCountingWhatWasSettledNotReserved() {
        assertThat(serve(budgetedKey, null).answer()).isPresent(); // 20 settled
        assertThat(serve(budgetedKey, null).answer()).isPresent(); // 40: 40 + an estimate of 18 > 45
        var refused = serve(budgetedKey, null);

        var problem = refused.problem().orElseThrow();
        assertThat(problem.type()).isEqualTo(ProblemType.BUDGET_EXHAUSTED);
        assertThat(problem.retryAfterValue()).isPresent();
        assertThat(record(refused).getJsonObject("quota").getString("refused_by")).isEqualTo("budgets.tokens_per_day");
        assertThat(record(refused).getJsonObject("outcome").getInt("http_status")).isEqualTo(429);
    }

    @Test
    void aFailedCallRefundsItsReservation() {
        model.behaviour = prompt -> {
            throw new GatewayException(ProblemType.UPSTREAM_ERROR, "broken");
        };
        for (int i = 0; i < 5; i++) {
            var failed = serve(budgetedKey, null);
            assertThat(failed.problem()).hasValueSatisfying(p -> assertThat(p.type()).isEqualTo(ProblemType.UPSTREAM_ERROR));
            var settled = record(failed).getJsonObject("quota").getJsonObject("settled");
            assertThat(settled.getJsonNumber("tokens").longValue()).isZero();
        }
        model.behaviour = FlowFakes.Model::noted;
        assertThat(serve(budgetedKey, null).answer()).as("five failures spent nothing of 45 tokens").isPresent();
    }

    @Test
    void aTenantThatRequiresMaxTokensRefusesARequestWithoutIt() {
        var refused = serve(strictKey, null);
        assertThat(refused.problem()).hasValueSatisfying(p -> {
            assertThat(p.type()).isEqualTo(ProblemType.INVALID_REQUEST);
            assertThat(p.errors()).anySatisfy(e -> assertThat(e.field()).isEqualTo("max_tokens"));
        });
        assertThat(serve(strictKey, 10).answer()).isPresent();
    }

    @Test
    void threeTimesTheLimitSentConcurrentlyAdmitsExactlyTheLimit() {
        model.working = new CompletableFuture<>();
        var replies = new ArrayList<CompletableFuture<Reply>>();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 6; i++) {
                replies.add(CompletableFuture.supplyAsync(() -> serveAsync(pacedKey, 10, Optional.empty()), threads)
                        .thenCompose(reply -> reply));
            }
            Await.until("four refused at once", Duration.ofSeconds(10), Duration.ofMillis(10),
                    () -> replies.stream().filter(CompletableFuture::isDone).count() == 4);
            model.working.complete(null);
            var statuses = replies.stream().map(r -> r.join().ending().status()).toList();
            assertThat(statuses).containsOnly(200, 429).filteredOn(status -> status == 200).hasSize(2);
        }
        assertThat(sink.records).hasSize(6);
    }

    @Test
    void aStreamCutShortIsChargedItsInputEstimateAndWhatWasSent() {
        streams.failure = new GatewayException(ProblemType.UPSTREAM_ERROR, "cut");
        var events = new FlowFakes.Events();

        serveAsync(budgetedKey, null, Optional.of(events)).join();

        var sent = events.text();
        assertThat(sent).isNotEmpty();
        var settled = sink.records.get(0).getJsonObject("quota").getJsonObject("settled");
        assertThat(settled.getJsonNumber("tokens").longValue())
                .isEqualTo(INPUT_ESTIMATE + io.auditgate.quota.Pricing.estimatedTokens(sent));
    }

    @Test
    void aFinishedStreamIsChargedWhatBedrockReported() {
        var events = new FlowFakes.Events();

        serveAsync(budgetedKey, null, Optional.of(events)).join();

        var settled = sink.records.get(0).getJsonObject("quota").getJsonObject("settled");
        assertThat(settled.getJsonNumber("tokens").longValue()).isEqualTo(20);
    }
}
