package io.auditgate.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.auditgate.auth.NewApiKey;
import io.auditgate.simulator.BedrockSimulator;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 18's two-instance test: tenant limits that hold across two gateway processes clustered over loopback
 * ({@link GatewayCluster}). NEEDS h-quota (io.auditgate.quota and the policy fields {@code limits.requests_per_minute},
 * {@code budgets.tokens_per_day}): until the tenants schema knows them, every test here is skipped (assumption), since a
 * policy with unknown fields would not even load. Each scenario has a tenant of its own (windows never overlap).
 * The member killed last (c) is why the trail checks of (a) run while both members are alive.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterQuotaIT {

    private static final String RATE_LIMITED = "https://auditgate.io/problems/rate-limited";
    private static final String BUDGET_EXHAUSTED = "https://auditgate.io/problems/budget-exhausted";
    private static final int LIMIT = 20;
    private static final int TOKENS_PER_DAY = 3_000;

    private static final Map<String, NewApiKey> KEYS = new HashMap<>();
    private static Path work;
    private static BedrockSimulator simulator;
    private static GatewayCluster cluster;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Files.readString(Path.of("src/main/resources/tenants.schema.json")).contains("\"requests_per_minute\"")
                && Files.readString(Path.of("src/main/resources/tenants.schema.json")).contains("\"tokens_per_day\""),
                "needs h-quota: the tenants schema has no requests_per_minute / tokens_per_day yet");
        // a new directory per run: the stores of an earlier run would add their records to this run's counts
        var parent = Files.createDirectories(Path.of(System.getProperty("it.audit.dir")));
        work = Files.createTempDirectory(parent, "cluster-quota-");
        simulator = ItGateway.simulator();
        var policy = writePolicy();
        cluster = GatewayCluster.start("quota", 2, Map.of("TENANTS_POLICY_FILE", policy.toString()), work,
                i -> Map.of("AUDIT_JOURNAL_DIR", work.resolve("quota-" + i + "/journal").toString(),
                        "AUDIT_LOCAL_DIR", work.resolve("quota-" + i + "/store").toString(),
                        "AUDIT_INSTANCE", "quota-" + i));
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
        if (simulator != null) {
            simulator.close();
        }
    }

    /** (a) 3N concurrent requests split across both members: exactly N answered, 2N refused, 3N records. */
    @Test
    @Order(1)
    void aRequestsPerMinuteLimitHoldsAcrossBothMembers() throws Exception {
        var answers = fire("rpm", 3 * LIMIT, "{\"prompt\":\"Say hello.\"}");

        assertThat(answers.stream().filter(a -> a.statusCode() == 200)).hasSize(LIMIT);
        var refused = answers.stream().filter(a -> a.statusCode() == 429).toList();
        assertThat(refused).hasSize(2 * LIMIT).allSatisfy(answer -> {
            assertThat(problemType(answer)).isEqualTo(RATE_LIMITED);
            assertThat(answer.headers().firstValue("Retry-After")).hasValueSatisfying(
                    seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 60));
        });
        awaitShipped();
        assertThat(records("rpm")).hasSize(3 * LIMIT);
        for (int i = 0; i < 2; i++) {
            var verification = AuditTrailCheck.runVerifier("--dir", work.resolve("quota-" + i + "/store").toString(),
                    "--public-key", work.resolve("quota-" + i + "/journal/digest-public-key.pem").toString(),
                    "--running", "quota-" + i); // both members still run: their chains are open, not lost
            assertThat(verification.status()).as(verification.output()).isZero();
        }
    }

    /**
     * (b) A token budget with settlement: each request reserves its input estimate plus max_tokens and settles to what
     * the model used, so more requests are answered than the reservations alone would allow, and what was answered
     * never exceeds the budget. Bursts of 4 (2 per member; their reservations fit while more than 4 x 400 tokens are
     * left, so what the bursts admit depends on settlement, not on concurrency) until the budget refuses.
     */
    @Test
    @Order(2)
    void bTokenBudgetSettlesAndHoldsAcrossBothMembers() throws Exception {
        var body = "{\"prompt\":\"Say hello.\",\"max_tokens\":400}";
        var answered = 0;
        var refused = new ArrayList<HttpResponse<String>>();
        var admittedInBurst = 1;
        while (admittedInBurst > 0 && answered < 200) { // until a whole burst is refused: less than one reservation left
            var burst = fire("budget", 4, body);
            admittedInBurst = (int) burst.stream().filter(a -> a.statusCode() == 200).count();
            answered += admittedInBurst;
            burst.stream().filter(a -> a.statusCode() == 429).forEach(refused::add);
        }
        awaitShipped();
        var used = records("budget").stream().filter(r -> r.getJsonObject("outcome").getInt("http_status") == 200)
                .mapToLong(r -> r.getJsonObject("usage").getJsonNumber("total_tokens").longValue()).sum();

        assertThat(refused).isNotEmpty().allSatisfy(answer -> assertThat(problemType(answer)).isEqualTo(BUDGET_EXHAUSTED));
        assertThat(used).as("tokens answered").isLessThanOrEqualTo(TOKENS_PER_DAY);
        assertThat(answered).as("settlement refunded the unused max_tokens").isGreaterThan(TOKENS_PER_DAY / 400);
        for (var member : cluster.members) {
            assertThat(Http.postJson(member.base.resolve("/invoke"), body, KEYS.get("budget").plaintext()).statusCode())
                    .as("exhausted on every member").isEqualTo(429);
        }
    }

    /**
     * (c) kill -9 of one member mid-run: the survivor holds the tenant's entry (the dead member's backup) and keeps
     * enforcing. Semantics (docs/tenants.md, "Consistency across instances"): what the dead member admitted still
     * counts (the backup has it); nothing is admitted twice. Here no request is in flight at the kill (the first
     * burst is answered before it); one that is stays reserved until its expiry, which this test does not cover.
     */
    @Test
    @Order(3)
    void cSurvivorKeepsEnforcingAfterAMemberIsKilled() throws Exception {
        var first = fire("survivor", LIMIT / 2, "{\"prompt\":\"Say hello.\"}");
        var admittedBefore = first.stream().filter(a -> a.statusCode() == 200).count();
        cluster.member(1).kill();
        var survivor = cluster.member(0);
        var after = new ArrayList<HttpResponse<String>>();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            var futures = new ArrayList<CompletableFuture<HttpResponse<String>>>();
            for (int i = 0; i < 2 * LIMIT; i++) {
                futures.add(CompletableFuture.supplyAsync(() -> Http.postJson(survivor.base.resolve("/invoke"),
                        "{\"prompt\":\"Say hello.\"}", KEYS.get("survivor").plaintext()), pool));
            }
            futures.forEach(f -> after.add(f.join()));
        }
        var admittedAfter = after.stream().filter(a -> a.statusCode() == 200).count();

        assertThat(admittedBefore).isEqualTo(LIMIT / 2);
        assertThat(admittedBefore + admittedAfter).as("nothing admitted twice, nothing forgotten").isEqualTo(LIMIT);
        assertThat(after.stream().filter(a -> a.statusCode() == 429)).hasSize(2 * LIMIT - (int) admittedAfter);
        assertThat(survivor.gridMembers()).isEqualTo(1);
    }

    /** {@code count} requests at once, alternating between the two members, as the tenant of {@code keyName}. */
    private static List<HttpResponse<String>> fire(String keyName, int count, String body) {
        var key = KEYS.get(keyName).plaintext();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            var futures = new ArrayList<CompletableFuture<HttpResponse<String>>>();
            for (int i = 0; i < count; i++) {
                var member = cluster.member(i % 2);
                futures.add(CompletableFuture.supplyAsync(
                        () -> Http.postJson(member.base.resolve("/invoke"), body, key), pool));
            }
            return futures.stream().map(CompletableFuture::join).toList();
        }
    }

    private static void awaitShipped() {
        io.auditgate.testing.Await.until("both journals shipped to their stores", java.time.Duration.ofSeconds(60),
                java.time.Duration.ofMillis(500), () -> cluster.members.stream()
                        .allMatch(m -> !m.isAlive() || m.gauge("auditgate_audit_backlog_records") == 0));
    }

    /** The records of {@code tenant} in both members' stores. */
    private static List<JsonObject> records(String tenant) throws IOException {
        var all = new ArrayList<JsonObject>();
        for (int i = 0; i < 2; i++) {
            var dir = work.resolve("quota-" + i + "/store/records");
            if (!Files.exists(dir)) {
                continue;
            }
            try (var files = Files.walk(dir)) {
                for (var file : files.filter(f -> f.toString().endsWith(".jsonl.gz")).toList()) {
                    all.addAll(io.auditgate.audit.chain.Segment.read(Files.readAllBytes(file)).records());
                }
            }
        }
        return all.stream().filter(r -> tenant.equals(r.isNull("tenant") ? null : r.getString("tenant"))).toList();
    }

    private static String problemType(HttpResponse<String> answer) {
        return Json.createReader(new StringReader(answer.body())).readObject().getString("type");
    }

    /**
     * The IT policy plus three tenants (rpm: 20 requests per minute; budget: 3,000 tokens a day, default 400 max
     * tokens; survivor: 20 requests per minute), each with a key generated now.
     */
    private static Path writePolicy() throws IOException {
        var random = new SecureRandom();
        var base = Json.createReader(new StringReader(Files.readString(Path.of("src/test/resources/it/tenants.json"))))
                .readObject();
        var tenants = Json.createArrayBuilder(base.getJsonArray("tenants"));
        var limits = Json.createObjectBuilder().add("max_prompt_chars", 20_000).add("max_output_tokens", 1024);
        for (var name : List.of("rpm", "budget", "survivor")) {
            var key = NewApiKey.generate(random);
            KEYS.put(name, key);
            var tenant = Json.createObjectBuilder().add("id", name)
                    .add("api_keys", Json.createArrayBuilder().add(Json.createObjectBuilder()
                            .add("key_id", key.keyId()).add("sha256", key.sha256())))
                    .add("allowed_models", Json.createArrayBuilder().add(ItTenants.ACME_MODEL))
                    .add("guardrail_profile", "standard");
            if (name.equals("budget")) {
                tenant.add("limits", limits.build()).add("budgets",
                        Json.createObjectBuilder().add("tokens_per_day", TOKENS_PER_DAY));
            } else {
                tenant.add("limits", Json.createObjectBuilder().add("max_prompt_chars", 20_000)
                        .add("max_output_tokens", 1024).add("requests_per_minute", LIMIT));
            }
            tenants.add(tenant);
        }
        var policy = Json.createObjectBuilder(base).add("tenants", tenants).build();
        return Files.writeString(work.resolve("tenants.json"), policy.toString());
    }
}
