package io.auditgate.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditgate.testing.Await;
import io.auditgate.testing.S3MockProcess;
import jakarta.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 19, blocker 1: an orphaned journal (the instance died during an S3 outage, its journal volume outlived it)
 * is shipped by {@code cloudformation/recover-journal.sh ship <dir>} under the dead instance's chain, and the
 * trail then verifies. The gateway is the real jar, S3 is S3Mock, the script is run as an operator would.
 */
class RecoverJournalIT {

    private static final String BUCKET = "recover-journal";
    private static final String PREFIX = "orphan";
    private static final String INSTANCE = "i-0orphan";

    private static S3GatewayFixture fixture;

    @BeforeAll
    static void start() throws Exception {
        fixture = S3GatewayFixture.start(BUCKET);
    }

    @AfterAll
    static void stop() throws Exception {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void theScriptShipsTheJournalOfAnInstanceThatDiedDuringAnOutageAndTheTrailVerifies() throws Exception {
        Path journal = Files.createDirectories(fixture.work.resolve("orphan-volume"));
        Files.writeString(journal.resolve("INSTANCE"), INSTANCE); // as the boot script writes it on the volume
        Set<String> answered = new HashSet<>();
        try (var gateway = GatewayProcess.start("orphan", gatewayEnv(journal), fixture.work)) {
            fixture.stopS3(); // the outage
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
        fixture.startS3();

        var run = runScript(journal);

        assertThat(run.status()).as(run.output()).isZero();
        assertThat(run.output()).contains("journal of " + INSTANCE + " shipped");
        var records = fixture.trail().byId(PREFIX);
        assertThat(records.keySet()).containsAll(answered);
        assertThat(records.values()).allMatch(list -> list.size() == 1);
        assertThat(records.values()).allMatch(list -> list.get(0).getJsonObject("chain").getString("instance").equals(INSTANCE));
        var verified = fixture.verifier(PREFIX);
        assertThat(verified.status()).as(verified.output()).isZero();
        assertThat(verified.output()).contains(", 0 findings");
    }

    private static AuditTrailCheck.Verification runScript(Path journal) throws Exception {
        var out = fixture.work.resolve("recover-script.out");
        var builder = new ProcessBuilder("bash", "cloudformation/recover-journal.sh", "ship", journal.toString())
                .redirectErrorStream(true).redirectOutput(out.toFile());
        var env = gatewayEnv(journal);
        env.remove("AUDIT_INSTANCE"); // the script reads it from the volume
        env.remove("AUDIT_JOURNAL_DIR");
        env.put("JAR", System.getProperty("it.gateway.jar"));
        env.put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        env.put("JAVA_OPTS", "-Xmx512m -Djava.io.tmpdir=" + Files.createDirectories(fixture.work.resolve("tmp-recover")));
        env.put("PORT", Integer.toString(S3MockProcess.freePort()));
        env.put("ENV_FILE", fixture.work.resolve("no-env-file").toString());
        env.put("LOG", fixture.work.resolve("recover.log").toString());
        env.put("TIMEOUT_SECONDS", "300");
        env.put("BOOT_SECONDS", "120"); // a hung boot (rare in Payara) is killed and started once more
        env.put("STOP_SECONDS", "120");
        builder.environment().remove("AUDIT_INSTANCE"); // failsafe's, inherited: the volume says whose chain it is
        builder.environment().remove("AUDIT_JOURNAL_DIR");
        builder.environment().putAll(env);
        var process = builder.start();
        boolean ended = process.waitFor(600, TimeUnit.SECONDS); // the script's own deadlines end it long before
        if (!ended) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        var output = Files.readString(out);
        assertThat(ended).as(output).isTrue();
        return new AuditTrailCheck.Verification(process.exitValue(), output);
    }

    private static Map<String, String> gatewayEnv(Path journal) {
        return fixture.gatewayEnv(PREFIX, INSTANCE, journal);
    }

    private static String prompt(String text) {
        return Json.createObjectBuilder().add("model", ItTenants.ACME_MODEL).add("prompt", text).build().toString();
    }
}
