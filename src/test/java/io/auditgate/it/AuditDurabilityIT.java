package io.auditgate.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditgate.testing.Await;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The audit trail's promises with every part real: the gateway as its own process ({@code target/auditgate.jar}),
 * S3Mock as its audit store, the verifier on what S3 holds. Killed with SIGKILL under load, an S3 outage under
 * load (both with plain requests and streams in flight), a model that drops streams midway under load, an outage
 * that outlasts the journal's cap while a model call is in flight, and {@code audit.mode=direct}. Each scenario
 * writes its own chain (instance) under its own prefix.
 */
class AuditDurabilityIT {

    private static final String BUCKET = "audit-durability";
    /** Streamed prompts with this in them are paced by the simulator (see {@link SimulatorControl#paceStreams}). */
    private static final String PACED = "Stream at a reading pace";
    private static final String INTERRUPTED = "https://auditgate.io/problems/interrupted";
    private static final String UPSTREAM_ERROR = "https://auditgate.io/problems/upstream-error";

    private static S3GatewayFixture fixture;
    private static SimulatorControl control;
    private static BucketTrail trail;

    @BeforeAll
    static void start() throws Exception {
        fixture = S3GatewayFixture.start(BUCKET);
        control = new SimulatorControl(fixture.simulator().endpoint());
        trail = fixture.trail();
    }

    /** A scenario that failed with S3Mock stopped must not fail the next one, nor leave its simulator rules. */
    @BeforeEach
    void s3mockRunningAndNoRules() throws Exception {
        if (!fixture.s3IsUp()) {
            fixture.startS3();
        }
        control.reset();
    }

    @AfterAll
    static void stop() throws Exception {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void killedWithSigkillWithRequestsAndStreamsInFlightThenRestartedEveryAnswerHasExactlyOneRecordAndTheTrailVerifies()
            throws Exception {
        control.paceStreams(PACED, 60); // a stream lasts seconds: several are open at the kill
        var env = gatewayEnv("crash", "journal");
        env.put("BEDROCK_TIMEOUT", "PT30S"); // the whole stream's deadline (the IT default is 3 s)
        InvokeLoad load;
        try (var gateway = GatewayProcess.start("crash-1", env, fixture.work)) {
            load = InvokeLoad.start(gateway.base, mixed(8, 8));
            load.awaitAnswered(300, Duration.ofSeconds(60));
            await("streams finished, more in flight", () -> load.streams(InvokeLoad.END) >= 8
                    && load.streams(InvokeLoad.OPEN) >= 4);
            gateway.kill();
            load.close();
        }
        var answered = load.answered();
        System.out.println("crash test: outcomes before SIGKILL " + load.outcomes());
        var killed = fixture.verifier("crash");
        assertThat(killed.status()).as(killed.output()).isEqualTo(1);
        assertThat(killed.output()).as("a SIGKILL leaves no clean end")
                .containsPattern("(?m)^UNTERMINATED_CHAIN instance=crash-gateway last_seq=\\d+ ");

        try (var restarted = GatewayProcess.start("crash-2", env, fixture.work)) {
            await("startup drain ships the journal", () -> restarted.gauge("auditgate_audit_backlog_records") == 0);
            // a SIGTERM before the start-up drain has signed its digest finds the SDK's classes for it unloadable
            // (Payara closes the class loader while shutdown hooks run): the clean end needs the drain done
            await("the start-up drain signed its digest", () -> restarted.log().contains("Audit start-up drain done"));
            restarted.stop();
        }

        var records = trail.byId("crash");
        var duplicates = records.entrySet().stream().filter(e -> e.getValue().size() > 1).map(Map.Entry::getKey).toList();
        assertThat(duplicates).as("record ids stored more than once").isEmpty();
        assertThat(records.keySet()).as("every answer (a 2xx, a stream's end) has its record").containsAll(answered);
        assertStreamsRecordedAfterTheCrash(load.streams(), records);
        assertVerifies("crash"); // no flag: the SIGTERM after the restart ended the chain cleanly
    }

    @Test
    void aSpentBudgetStaysSpentAfterTheOnlyInstanceStopsAndANewOneStartsWithAnEmptyGrid() throws Exception {
        var env = gatewayEnv("budget", "journal");
        env.put("QUOTA_REBUILD", "true"); // off in the other ITs, whose store outlives a run
        var body = Json.createObjectBuilder().add("model", ItTenants.ACME_MODEL).add("prompt", "Hello")
                .add("max_tokens", 60).build().toString();
        try (var gateway = GatewayProcess.start("budget-1", env, fixture.work)) {
            var statuses = new ArrayList<Integer>();
            for (int i = 0; i < 10 && !statuses.contains(429); i++) {
                statuses.add(Http.postJson(gateway.base.resolve("/invoke"), body, ItTenants.BUDGETED).statusCode());
            }
            assertThat(statuses).as("the day's 100 tokens are spent").startsWith(200).endsWith(429);
            gateway.stop(); // SIGTERM: ships the journal; Payara's grid (--nocluster) ends with the process
        }
        try (var restarted = GatewayProcess.start("budget-2", env, fixture.work)) {
            var after = Http.postJson(restarted.base.resolve("/invoke"), body, ItTenants.BUDGETED);

            assertThat(after.statusCode()).as(after.body()).isEqualTo(429);
            assertThat(after.body()).contains("/budget-exhausted");
            assertThat(restarted.log()).contains("Budgets rebuilt from the audit trail: ");
            restarted.stop();
        }
    }

    /**
     * A stream whose {@code end} arrived has its finished record; one cut by the kill has the interrupted record
     * recovery made of its begin (or, if its record became durable just before the kill, the finished one).
     */
    private static void assertStreamsRecordedAfterTheCrash(Map<String, String> streams, Map<String, List<JsonObject>> records) {
        var cut = streams.entrySet().stream().filter(e -> e.getValue().equals(InvokeLoad.CUT)).map(Map.Entry::getKey).toList();
        assertThat(cut).as("streams in flight at the kill").hasSizeGreaterThanOrEqualTo(4);
        assertThat(streams).as("no stream failed before the kill").allSatisfy((id, how) ->
                assertThat(how).isIn(InvokeLoad.END, InvokeLoad.CUT));
        streams.forEach((id, how) -> {
            assertThat(records).as("the record of stream " + id).containsKey(id);
            var record = records.get(id).get(0);
            if (how.equals(InvokeLoad.END) || record.containsKey("stream")) {
                assertThat(record.getJsonObject("stream").getString("ended")).as(id).isEqualTo("finished");
                assertThat(record.getJsonObject("outcome").getInt("http_status")).isEqualTo(200);
            } else {
                assertThat(record.getJsonObject("outcome").isNull("http_status")).as(id).isTrue();
                assertThat(record.getJsonObject("outcome").getString("problem_type")).isEqualTo(INTERRUPTED);
                assertThat(record.getJsonObject("request").toString()).as("redacted").doesNotContain("jane.doe@example.com");
            }
        });
        var interrupted = cut.stream().filter(id -> !records.get(id).get(0).containsKey("stream")).count();
        System.out.println("crash test: " + cut.size() + " streams cut by the kill, " + interrupted + " recorded as interrupted");
        assertThat(interrupted).as("cut streams recorded as interrupted").isPositive();
    }

    @Test
    void anS3OutageWithRequestsAndStreamsInFlightLosesNothingAndEverythingShipsWhenS3Returns() throws Exception {
        control.paceStreams(PACED, 20);
        try (var gateway = GatewayProcess.start("outage", gatewayEnv("outage", "journal"), fixture.work)) {
            var load = InvokeLoad.start(gateway.base, mixed(4, 4));
            load.awaitAnswered(50, Duration.ofSeconds(60));
            fixture.stopS3();
            var beforeOutage = load.answered();
            await("the backlog grows while S3 is down", () -> gateway.gauge("auditgate_audit_backlog_records") > 200);
            await("streams end while S3 is down", () -> streamsEndedSince(load, beforeOutage).size() >= 20);
            assertThat(gateway.status("/health/ready")).as("the journal rides out the outage").isEqualTo(200);
            load.close(); // S3Mock needs the CPU to start again
            System.out.println("outage test: outcomes " + load.outcomes());
            fixture.startS3();
            assertThat(load.outcomes()).as("every request and stream answered during the outage")
                    .containsOnlyKeys("200", "stream end");

            await("the backlog ships after S3 returns", () -> gateway.gauge("auditgate_audit_backlog_records") == 0);
            await("the log says so", () -> gateway.log().contains("audit shipping to s3://" + BUCKET + "/outage/ recovered"));
            assertThat(gateway.log()).contains("audit shipping to s3://" + BUCKET + "/outage/ failing");
            gateway.stop();
            var records = trail.byId("outage");
            assertThat(records.keySet()).containsAll(load.answered());
            assertThat(records.values()).allMatch(list -> list.size() == 1);
            assertThat(streamsEndedSince(load, beforeOutage)).as("streams answered during the outage, recorded once")
                    .allSatisfy(id -> assertThat(records.get(id).get(0).getJsonObject("stream").getString("ended"))
                            .isEqualTo("finished"));
        }
        assertVerifies("outage");
    }

    private static List<String> streamsEndedSince(InvokeLoad load, java.util.Set<String> before) {
        return load.streams().entrySet().stream()
                .filter(e -> e.getValue().equals(InvokeLoad.END) && !before.contains(e.getKey()))
                .map(Map.Entry::getKey).toList();
    }

    /**
     * The simulator closes every stream of one model after a few deltas. Each ends with an {@code error} event and a
     * record that says {@code upstream-error}: the first few as dropped, the rest {@code circuit-open} once that
     * model's breaker opened; the other model's streams and plain requests are answered meanwhile.
     */
    @Test
    void aModelThatDropsStreamsMidwayUnderLoadEndsEachWithAnErrorEventAndARecordThatSaysWhy() throws Exception {
        var dropping = "anthropic.claude-instant-v1"; // its own breaker: the other model's streams go on
        control.fault("stream-drop", -1, dropping);
        var asks = new ArrayList<>(mixed(2, 4));
        asks.add(InvokeLoad.Ask.streamed(dropping, InvokeLoad.Ask.PROMPT));
        asks.add(InvokeLoad.Ask.streamed(dropping, InvokeLoad.Ask.PROMPT));
        InvokeLoad load;
        try (var gateway = GatewayProcess.start("drop", gatewayEnv("drop", "journal"), fixture.work)) {
            load = InvokeLoad.start(gateway.base, asks);
            await("streams end both ways", () -> load.streams(InvokeLoad.END) >= 40
                    && load.streams(UPSTREAM_ERROR) >= 5 && load.answered().size() >= 100);
            load.close();
            gateway.stop();
        }
        System.out.println("drop test: outcomes " + load.outcomes());
        assertThat(load.outcomes()).as("dropped streams end with an error event, never cut; the rest are answered")
                .containsOnlyKeys("200", "stream end", "stream error upstream-error", "stream error circuit-open");

        var records = trail.byId("drop");
        assertThat(records.values()).allMatch(list -> list.size() == 1);
        assertThat(records.keySet()).containsAll(load.answered());
        load.streams().forEach((id, how) -> {
            var record = records.get(id).get(0);
            if (how.equals(InvokeLoad.END)) {
                assertThat(record.getJsonObject("stream").getString("ended")).isEqualTo("finished");
            } else {
                assertThat(record.getJsonObject("model").getString("requested")).as(id).isEqualTo(dropping);
                assertThat(record.getJsonObject("stream").getString("ended")).as(id).isEqualTo("upstream-error");
                assertThat(record.getJsonObject("outcome").getString("problem_type")).as(id).isEqualTo(how);
            }
        });
        assertVerifies("drop");
    }

    /** {@code plain} clients of plain requests and {@code streamed} clients of streams that {@link #PACED} may slow. */
    private static List<InvokeLoad.Ask> mixed(int plain, int streamed) {
        var asks = new ArrayList<InvokeLoad.Ask>();
        asks.addAll(java.util.Collections.nCopies(plain, InvokeLoad.Ask.plain()));
        asks.addAll(java.util.Collections.nCopies(streamed, InvokeLoad.Ask.streamed(ItTenants.ACME_MODEL,
                PACED + ": " + InvokeLoad.Ask.PROMPT)));
        return asks;
    }

    @Test
    void directModeStoresEachRecordBeforeAnsweringAndRefusesWhileS3IsDown() throws Exception {
        try (var gateway = GatewayProcess.start("direct", gatewayEnv("direct", "direct"), fixture.work)) {
            var answered = Http.postJson(gateway.base.resolve("/invoke"), prompt("direct mode, first"));
            assertThat(answered.statusCode()).isEqualTo(200);
            assertThat(trail.ids("direct")).as("in S3 when the answer arrives").containsKey(requestId(answered.body()));

            fixture.stopS3();
            var lost = Http.postJson(gateway.base.resolve("/invoke"), prompt("direct mode, S3 just went down"));
            assertThat(lost.statusCode()).isEqualTo(503);
            assertThat(lost.body()).contains("/problems/audit-unavailable");
            int calls = control.calls(ItTenants.ACME_MODEL);
            var refused = Http.postJson(gateway.base.resolve("/invoke"), prompt("direct mode, S3 known down"));
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(control.calls(ItTenants.ACME_MODEL)).as("the model is not called while S3 is down").isEqualTo(calls);
            assertThat(gateway.status("/health/ready")).isEqualTo(503);

            fixture.startS3();
            await("answers again once S3 is back", () ->
                    Http.postJson(gateway.base.resolve("/invoke"), prompt("direct mode, S3 back")).statusCode() == 200);
            gateway.stop();
        }
        var records = trail.ids("direct");
        assertThat(records.values()).allMatch(count -> count == 1);
        assertVerifies("direct");
    }

    @Test
    void aRequestWhoseModelCallOutlastsTheCapIsAnsweredAndRecordedAndServiceResumesSecondsAfterS3Returns()
            throws Exception {
        var env = gatewayEnv("cap", "journal");
        env.put("AUDIT_MAX_UNSHIPPED_BYTES", "20000"); // a dozen records
        env.put("BEDROCK_TIMEOUT", "PT30S"); // the slow call below must not time out (the IT default is 3 s)
        try (var gateway = GatewayProcess.start("cap", env, fixture.work)) {
            assertThat(Http.postJson(gateway.base.resolve("/invoke"), prompt("cap, before")).statusCode()).isEqualTo(200);
            fixture.stopS3();
            await("shipping fails", () -> gateway.log().contains("audit shipping to s3://" + BUCKET + "/cap/ failing"));
            control.fault("latency", 1, ItTenants.ACME_MODEL, 6000);
            int calls = control.calls(ItTenants.ACME_MODEL);
            var slow = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> Http.postJson(gateway.base.resolve("/invoke"), prompt("cap, a slow model call")));
            await("the slow request is at the model", () -> control.calls(ItTenants.ACME_MODEL) > calls);

            int answered = 2; // "before" and the slow one
            int refusals = 0;
            while (refusals < 3) { // other requests fill the journal to its cap while the slow one waits
                var status = Http.postJson(gateway.base.resolve("/invoke"), prompt("cap, filler")).statusCode();
                answered += status == 200 ? 1 : 0;
                refusals += status == 503 ? 1 : 0;
                assertThat(status).isIn(200, 503);
            }

            assertThat(slow.join().statusCode()).as("its model call began before the cap: answered").isEqualTo(200);
            assertThat(gateway.log()).as("one warning, not a line per refused request")
                    .containsOnlyOnce("refuses new requests").doesNotContain("could not be written");

            fixture.startS3();
            long back = System.nanoTime();
            Await.until("answers again once S3 is back", Duration.ofSeconds(20), Duration.ofMillis(100), () ->
                    Http.postJson(gateway.base.resolve("/invoke"), prompt("cap, S3 back")).statusCode() == 200);
            System.out.println("cap test: answered again " + Duration.ofNanos(System.nanoTime() - back).toMillis()
                    + " ms after S3Mock was up");
            answered++;
            assertThat(gateway.log()).containsOnlyOnce("accepts new requests again");
            gateway.stop();

            var records = trail.records("cap");
            assertThat(records).as("no record says interrupted").noneMatch(r -> r.getJsonObject("outcome")
                    .getString("problem_type", "").endsWith("/interrupted"));
            assertThat(records.stream().filter(r -> r.getJsonObject("outcome").getInt("http_status", 0) == 200))
                    .as("a record for every answer").hasSize(answered);
        }
        assertVerifies("cap");
    }

    private static Map<String, String> gatewayEnv(String name, String mode) {
        var env = fixture.gatewayEnv(name, name + "-gateway", fixture.work.resolve("journal-" + name));
        env.put("AUDIT_MODE", mode);
        return env;
    }

    private static String requestId(String json) {
        var object = Json.createReader(new StringReader(json)).readObject();
        return object.containsKey("record_id") ? object.getString("record_id") : object.getString("request_id");
    }

    /** The whole trail verified, every chain required to end cleanly: each scenario ends with a SIGTERM. */
    private static void assertVerifies(String prefix) {
        var run = fixture.verifier(prefix);
        System.out.println("verifier on " + prefix + ": " + run.output().lines().reduce((x, y) -> y).orElse(""));
        assertThat(run.status()).as(run.output()).isZero();
        assertThat(run.output()).contains(", 0 findings");
    }

    private static String prompt(String text) {
        return Json.createObjectBuilder().add("model", ItTenants.ACME_MODEL).add("prompt", text).build().toString();
    }

    private static void await(String what, BooleanSupplier condition) {
        Await.until(what, Duration.ofSeconds(120), Duration.ofMillis(250), condition);
    }
}
