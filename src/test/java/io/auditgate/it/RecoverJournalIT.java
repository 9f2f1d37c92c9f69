package io.auditgate.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditgate.audit.chain.Pem;
import io.auditgate.simulator.BedrockSimulator;
import io.auditgate.simulator.SimulatorOptions;
import io.auditgate.testing.Await;
import io.auditgate.testing.S3MockProcess;
import jakarta.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Issue 19, blocker 1: an orphaned journal (the instance died during an S3 outage, its journal volume outlived it)
 * is shipped by {@code cloudformation/recover-journal.sh ship <dir>} under the dead instance's chain, and the
 * trail then verifies. The gateway is the real jar, S3 is S3Mock, the script is run as an operator would.
 */
class RecoverJournalIT {

    private static final String BUCKET = "recover-journal";
    private static final String PREFIX = "orphan";
    private static final String INSTANCE = "i-0orphan";
    private static final String FAKE_KEY = "recover-it";
    private static final String FAKE_SECRET = "recover-it-secret";

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
        var parent = Files.createDirectories(Path.of(System.getProperty("it.audit.dir")).getParent());
        work = Files.createTempDirectory(parent, "it-recover-");
        s3root = Files.createTempDirectory(work, "s3mock");
        s3port = S3MockProcess.freePort();
        s3mock = S3MockProcess.start(s3root, s3port);
        s3 = s3mock.client();
        s3.createBucket(b -> b.bucket(BUCKET).objectLockEnabledForBucket(true));
        simulator = BedrockSimulator.start(SimulatorOptions.defaults().withPort(S3MockProcess.freePort()));
        var generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        var keys = generator.generateKeyPair();
        signingKey = Files.writeString(work.resolve("signing.pem"), Pem.encode(keys.getPrivate().getEncoded(), "PRIVATE KEY"));
        publicKey = Files.writeString(work.resolve("public.pem"), Pem.encode(keys.getPublic().getEncoded(), "PUBLIC KEY"));
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
    void theScriptShipsTheJournalOfAnInstanceThatDiedDuringAnOutageAndTheTrailVerifies() throws Exception {
        Path journal = Files.createDirectories(work.resolve("orphan-volume"));
        Files.writeString(journal.resolve("INSTANCE"), INSTANCE); // as the boot script writes it on the volume
        Set<String> answered = new HashSet<>();
        try (var gateway = GatewayProcess.start("orphan", gatewayEnv(journal), work)) {
            s3mock.close(); // the outage
            for (int i = 0; i < 20; i++) {
                var response = Http.postJson(gateway.base.resolve("/invoke"), prompt("before the instance dies " + i));
                assertThat(response.statusCode()).isEqualTo(200);
                var body = Json.createReader(new java.io.StringReader(response.body())).readObject();
                answered.add(body.containsKey("record_id") ? body.getString("record_id") : body.getString("request_id"));
            }
            Await.until("records journaled, not shipped", Duration.ofSeconds(30), Duration.ofMillis(200),
                    () -> gateway.gauge("auditgate_audit_backlog_records") >= 20);
            gateway.kill(); // the instance is gone; its journal volume is not
        }
        s3mock = S3MockProcess.start(s3root, s3port);

        var run = runScript(journal);

        assertThat(run.status()).as(run.output()).isZero();
        assertThat(run.output()).contains("journal of " + INSTANCE + " shipped");
        var records = new BucketTrail(s3, BUCKET).byId(PREFIX);
        assertThat(records.keySet()).containsAll(answered);
        assertThat(records.values()).allMatch(list -> list.size() == 1);
        assertThat(records.values()).allMatch(list -> list.get(0).getJsonObject("chain").getString("instance").equals(INSTANCE));
        System.setProperty("aws.accessKeyId", FAKE_KEY);
        System.setProperty("aws.secretAccessKey", FAKE_SECRET);
        var verified = AuditTrailCheck.runVerifier("--bucket", BUCKET, "--prefix", PREFIX, "--endpoint",
                s3mock.endpoint.toString(), "--region", "us-east-1", "--path-style", "--public-key", publicKey.toString());
        assertThat(verified.status()).as(verified.output()).isZero();
        assertThat(verified.output()).contains(", 0 findings");
    }

    private static AuditTrailCheck.Verification runScript(Path journal) throws Exception {
        var builder = new ProcessBuilder("bash", "cloudformation/recover-journal.sh", "ship", journal.toString())
                .redirectErrorStream(true);
        var env = gatewayEnv(journal);
        env.remove("AUDIT_INSTANCE"); // the script reads it from the volume
        env.remove("AUDIT_JOURNAL_DIR");
        env.put("JAR", System.getProperty("it.gateway.jar"));
        env.put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        env.put("JAVA_OPTS", "-Xmx512m -Djava.io.tmpdir=" + Files.createDirectories(work.resolve("tmp-recover")));
        env.put("PORT", Integer.toString(S3MockProcess.freePort()));
        env.put("ENV_FILE", work.resolve("no-env-file").toString());
        env.put("LOG", work.resolve("recover.log").toString());
        env.put("TIMEOUT_SECONDS", "180");
        builder.environment().remove("AUDIT_INSTANCE"); // failsafe's, inherited: the volume says whose chain it is
        builder.environment().remove("AUDIT_JOURNAL_DIR");
        builder.environment().putAll(env);
        var process = builder.start();
        var output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(240, TimeUnit.SECONDS)).isTrue();
        return new AuditTrailCheck.Verification(process.exitValue(), output);
    }

    private static Map<String, String> gatewayEnv(Path journal) {
        var env = new HashMap<String, String>();
        env.put("BEDROCK_ENDPOINT", simulator.endpoint().toString());
        env.put("AUDIT_STORE", "s3");
        env.put("AUDIT_BUCKET", BUCKET);
        env.put("AUDIT_PREFIX", PREFIX);
        env.put("AUDIT_REGION", "us-east-1");
        env.put("AUDIT_S3_ENDPOINT", s3mock.endpoint.toString());
        env.put("AUDIT_KMS_KEY_ID", S3MockProcess.KMS_KEY_ID);
        env.put("AUDIT_LOCK_MODE", "GOVERNANCE");
        env.put("AUDIT_SIGNING_KEY_FILE", signingKey.toString());
        env.put("AUDIT_INSTANCE", INSTANCE);
        env.put("AUDIT_JOURNAL_DIR", journal.toString());
        env.put("AUDIT_SEGMENT_MAX_AGE", "PT1S");
        env.put("AUDIT_DIGEST_INTERVAL", "PT5S");
        env.put("AWS_ACCESS_KEY_ID", FAKE_KEY);
        env.put("AWS_SECRET_ACCESS_KEY", FAKE_SECRET);
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        return env;
    }

    private static String prompt(String text) {
        return Json.createObjectBuilder().add("model", ItTenants.ACME_MODEL).add("prompt", text).build().toString();
    }
}
