package io.auditgate.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditgate.audit.chain.Pem;
import io.auditgate.audit.chain.Segment;
import io.auditgate.simulator.BedrockSimulator;
import io.auditgate.simulator.SimulatorOptions;
import io.auditgate.testing.Await;
import io.auditgate.testing.S3MockProcess;
import jakarta.json.Json;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The audit trail's promises with every part real: the gateway as its own process ({@code target/auditgate.jar}),
 * S3Mock as its audit store, the verifier on what S3 holds. Killed with SIGKILL under load, an S3 outage under
 * load, an outage that outlasts the journal's cap while a model call is in flight, and {@code audit.mode=direct}. Each scenario writes its own chain (instance) under its own prefix.
 */
class AuditDurabilityIT {

    private static final String BUCKET = "audit-durability";
    private static final String FAKE_KEY = "durability-it";
    private static final String FAKE_SECRET = "durability-it-secret";

    private static Path work;
    private static Path s3root;
    private static int s3port;
    private static S3MockProcess s3mock;
    private static S3Client s3;
    private static BedrockSimulator simulator;
    private static Path signingKey;
    private static Path publicKey;

    @BeforeAll
    static void start() throws Exception {
        // a new directory per run: journals (and their digest chains) left by an earlier run in the same target/
        // would be shipped into this run's empty bucket and fail the verifier
        var parent = Files.createDirectories(Path.of(System.getProperty("it.audit.dir")).getParent());
        work = Files.createTempDirectory(parent, "it-durability-");
        s3root = Files.createTempDirectory(work, "s3mock");
        s3port = S3MockProcess.freePort();
        s3mock = S3MockProcess.start(s3root, s3port);
        s3 = s3mock.client();
        s3.createBucket(b -> b.bucket(BUCKET).objectLockEnabledForBucket(true));
        simulator = BedrockSimulator.start(SimulatorOptions.defaults().withPort(S3MockProcess.freePort()));
        var generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        var keys = generator.generateKeyPair();
        signingKey = Files.writeString(work.resolve("digest-signing-key.pem"),
                Pem.encode(keys.getPrivate().getEncoded(), "PRIVATE KEY"));
        publicKey = Files.writeString(work.resolve("digest-public-key.pem"),
                Pem.encode(keys.getPublic().getEncoded(), "PUBLIC KEY"));
    }

    /** A scenario that failed with S3Mock stopped must not fail the next one. */
    @BeforeEach
    void s3mockRunning() throws Exception {
        if (!s3mock.isAlive()) {
            s3mock = S3MockProcess.start(s3root, s3port);
        }
    }

    @AfterAll
    static void stop() {
        if (s3 != null) {
            s3.close();
        }
        if (s3mock != null) {
            s3mock.close();
        }
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    void killedWithSigkillUnderLoadThenRestartedEveryAnsweredRequestHasExactlyOneRecordAndTheTrailVerifies()
            throws Exception {
        var env = gatewayEnv("crash", "journal");
        InvokeLoad load;
        try (var gateway = GatewayProcess.start("crash-1", env, work)) {
            load = InvokeLoad.start(gateway.base, 16);
            load.awaitAnswered(300, Duration.ofSeconds(60));
            Thread.sleep(1_500); // a few segments shipped by age, more records only in the journal
            gateway.kill();
            load.close();
        }
        var answered = load.answered();
        System.out.println("crash test: outcomes before SIGKILL " + load.outcomes());

        try (var restarted = GatewayProcess.start("crash-2", env, work)) {
            await("startup drain ships the journal", () -> restarted.gauge("auditgate_audit_backlog_records") == 0);
            restarted.stop();
        }

        var records = recordIds("crash");
        var duplicates = records.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
        assertThat(duplicates).as("record ids stored more than once").isEmpty();
        assertThat(records.keySet()).as("every 2xx answer has its record").containsAll(answered);
        assertVerifies("crash");
    }

    @Test
    void anS3OutageUnderLoadLosesNothingAndEverythingShipsWhenS3Returns() throws Exception {
        try (var gateway = GatewayProcess.start("outage", gatewayEnv("outage", "journal"), work)) {
            var load = InvokeLoad.start(gateway.base, 4);
            load.awaitAnswered(50, Duration.ofSeconds(60));
            s3mock.close();
            await("the backlog grows while S3 is down", () -> gateway.gauge("auditgate_audit_backlog_records") > 200);
            assertThat(gateway.status("/health/ready")).as("the journal rides out the outage").isEqualTo(200);
            load.close(); // S3Mock needs the CPU to start again
            System.out.println("outage test: outcomes " + load.outcomes());
            s3mock = S3MockProcess.start(s3root, s3port);
            assertThat(load.outcomes()).as("every request answered during the outage").containsOnlyKeys("200");

            await("the backlog ships after S3 returns", () -> gateway.gauge("auditgate_audit_backlog_records") == 0);
            await("the log says so", () -> gateway.log().contains("audit shipping to s3://" + BUCKET + "/outage/ recovered"));
            assertThat(gateway.log()).contains("audit shipping to s3://" + BUCKET + "/outage/ failing");
            gateway.stop();
            var records = recordIds("outage");
            assertThat(records.keySet()).containsAll(load.answered());
            assertThat(records.values()).allMatch(count -> count == 1);
        }
        assertVerifies("outage");
    }

    @Test
    void directModeStoresEachRecordBeforeAnsweringAndRefusesWhileS3IsDown() throws Exception {
        var control = new SimulatorControl(simulator.endpoint());
        try (var gateway = GatewayProcess.start("direct", gatewayEnv("direct", "direct"), work)) {
            var answered = Http.postJson(gateway.base.resolve("/invoke"), prompt("direct mode, first"));
            assertThat(answered.statusCode()).isEqualTo(200);
            assertThat(recordIds("direct")).as("in S3 when the answer arrives").containsKey(requestId(answered.body()));

            s3mock.close();
            var lost = Http.postJson(gateway.base.resolve("/invoke"), prompt("direct mode, S3 just went down"));
            assertThat(lost.statusCode()).isEqualTo(503);
            assertThat(lost.body()).contains("/problems/audit-unavailable");
            int calls = control.calls(ItTenants.ACME_MODEL);
            var refused = Http.postJson(gateway.base.resolve("/invoke"), prompt("direct mode, S3 known down"));
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(control.calls(ItTenants.ACME_MODEL)).as("the model is not called while S3 is down").isEqualTo(calls);
            assertThat(gateway.status("/health/ready")).isEqualTo(503);

            s3mock = S3MockProcess.start(s3root, s3port);
            await("answers again once S3 is back", () ->
                    Http.postJson(gateway.base.resolve("/invoke"), prompt("direct mode, S3 back")).statusCode() == 200);
            gateway.stop();
        }
        var records = recordIds("direct");
        assertThat(records.values()).allMatch(count -> count == 1);
        assertVerifies("direct");
    }

    @Test
    void aRequestWhoseModelCallOutlastsTheCapIsAnsweredAndRecordedAndServiceResumesSecondsAfterS3Returns()
            throws Exception {
        var control = new SimulatorControl(simulator.endpoint());
        var env = gatewayEnv("cap", "journal");
        env.put("AUDIT_MAX_UNSHIPPED_BYTES", "20000"); // a dozen records
        env.put("BEDROCK_TIMEOUT", "PT30S"); // the slow call below must not time out (the IT default is 3 s)
        try (var gateway = GatewayProcess.start("cap", env, work)) {
            assertThat(Http.postJson(gateway.base.resolve("/invoke"), prompt("cap, before")).statusCode()).isEqualTo(200);
            s3mock.close();
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

            s3mock = S3MockProcess.start(s3root, s3port);
            long back = System.nanoTime();
            Await.until("answers again once S3 is back", Duration.ofSeconds(20), Duration.ofMillis(100), () ->
                    Http.postJson(gateway.base.resolve("/invoke"), prompt("cap, S3 back")).statusCode() == 200);
            System.out.println("cap test: answered again " + Duration.ofNanos(System.nanoTime() - back).toMillis()
                    + " ms after S3Mock was up");
            answered++;
            assertThat(gateway.log()).containsOnlyOnce("accepts new requests again");
            gateway.stop();

            var records = records("cap");
            assertThat(records).as("no record says interrupted").noneMatch(r -> r.getJsonObject("outcome")
                    .getString("problem_type", "").endsWith("/interrupted"));
            assertThat(records.stream().filter(r -> r.getJsonObject("outcome").getInt("http_status", 0) == 200))
                    .as("a record for every answer").hasSize(answered);
        }
        assertVerifies("cap");
    }

    private static Map<String, String> gatewayEnv(String name, String mode) {
        var env = new HashMap<String, String>();
        env.put("BEDROCK_ENDPOINT", simulator.endpoint().toString());
        env.put("AUDIT_MODE", mode);
        env.put("AUDIT_STORE", "s3");
        env.put("AUDIT_BUCKET", BUCKET);
        env.put("AUDIT_PREFIX", name);
        env.put("AUDIT_REGION", "us-east-1");
        env.put("AUDIT_S3_ENDPOINT", s3mock.endpoint.toString());
        env.put("AUDIT_KMS_KEY_ID", S3MockProcess.KMS_KEY_ID);
        env.put("AUDIT_LOCK_MODE", "GOVERNANCE");
        env.put("AUDIT_SIGNING_KEY_FILE", signingKey.toString());
        env.put("AUDIT_INSTANCE", name + "-gateway");
        env.put("AUDIT_JOURNAL_DIR", work.resolve("journal-" + name).toString());
        env.put("AUDIT_SEGMENT_MAX_AGE", "PT1S");
        env.put("AUDIT_DIGEST_INTERVAL", "PT5S");
        env.put("AWS_ACCESS_KEY_ID", FAKE_KEY);
        env.put("AWS_SECRET_ACCESS_KEY", FAKE_SECRET);
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        return env;
    }

    /** Every record id in the segments under {@code prefix}, with how often it occurs; each record schema-valid. */
    private static Map<String, Long> recordIds(String prefix) {
        return s3.listObjectsV2Paginator(b -> b.bucket(BUCKET).prefix(prefix + "/records/")).contents().stream()
                .map(S3Object::key)
                .flatMap(key -> new String(Segment.gunzip(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(key)).asByteArray()),
                        StandardCharsets.UTF_8).lines())
                .map(AuditDurabilityIT::schemaValid)
                .collect(Collectors.groupingBy(AuditDurabilityIT::requestId, Collectors.counting()));
    }

    private static java.util.List<jakarta.json.JsonObject> records(String prefix) {
        return s3.listObjectsV2Paginator(b -> b.bucket(BUCKET).prefix(prefix + "/records/")).contents().stream()
                .map(S3Object::key)
                .flatMap(key -> new String(Segment.gunzip(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(key)).asByteArray()),
                        StandardCharsets.UTF_8).lines())
                .map(line -> Json.createReader(new StringReader(line)).readObject()).toList();
    }

    private static String schemaValid(String line) {
        try {
            var errors = AuditTrailCheck.schemaErrors(Json.createReader(new StringReader(line)).readObject());
            assertThat(errors).as("schema errors of " + line).isEmpty();
            return line;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String requestId(String json) {
        var object = Json.createReader(new StringReader(json)).readObject();
        return object.containsKey("record_id") ? object.getString("record_id") : object.getString("request_id");
    }

    private static void assertVerifies(String prefix) {
        System.setProperty("aws.accessKeyId", FAKE_KEY);
        System.setProperty("aws.secretAccessKey", FAKE_SECRET);
        var run = AuditTrailCheck.runVerifier("--bucket", BUCKET, "--prefix", prefix, "--endpoint",
                s3mock.endpoint.toString(), "--region", "us-east-1", "--path-style", "--public-key", publicKey.toString());
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
