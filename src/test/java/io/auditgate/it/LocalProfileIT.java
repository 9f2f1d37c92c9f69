package io.auditgate.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.auditgate.simulator.BedrockSimulator;
import io.auditgate.simulator.SimulatorOptions;
import io.auditgate.testing.BootWatch;
import io.auditgate.testing.S3MockProcess;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * README's local profile as a user runs it: {@code java -jar auditgate.jar} started from an empty directory with
 * nothing but {@code MP_CONFIG_PROFILE=local} and the simulator's endpoint in its environment (none of failsafe's IT
 * settings): the demo policy comes from inside the jar, the local data lands under {@code ./auditgate-local/} and
 * every listener is on loopback without any pre-boot file or flag.
 */
class LocalProfileIT {

    /** README's demo key: published for the local profile only, never a secret. */
    private static final String DEMO_KEY = "ag_1fb62ab7_GS8GpwlqF3gAx7LAxSsWBSCcD6Vw5Dle-JfkcL0lbM0";
    private static final Duration BOOT = Duration.ofSeconds(240);

    private static BedrockSimulator simulator;
    private static Path cwd;
    private static Process gateway;
    private static URI base;
    private static Path log;

    @BeforeAll
    static void start() throws Exception {
        var parent = Files.createDirectories(Path.of(System.getProperty("it.audit.dir")).getParent());
        var work = Files.createTempDirectory(parent, "it-local-profile-");
        cwd = Files.createDirectory(work.resolve("empty"));
        simulator = BedrockSimulator.start(SimulatorOptions.defaults().withPort(S3MockProcess.freePort()));
        int port = S3MockProcess.freePort();
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // java.io.tmpdir outside the working directory only keeps Payara's runtime files out of the shared /tmp;
        // no pre-boot file and no flag: the profile alone keeps the listeners on loopback
        var builder = new ProcessBuilder(java, "-Xmx512m",
                "-Djava.io.tmpdir=" + Files.createDirectory(work.resolve("tmp")),
                "-jar", System.getProperty("it.gateway.jar"), "--port", Integer.toString(port))
                .directory(cwd.toFile()).redirectErrorStream(true)
                .redirectOutput(work.resolve("gateway.log").toFile());
        builder.environment().clear();
        builder.environment().put("MP_CONFIG_PROFILE", "local");
        builder.environment().put("BEDROCK_ENDPOINT", simulator.endpoint().toString());
        gateway = builder.start();
        base = URI.create("http://127.0.0.1:" + port + "/");
        log = work.resolve("gateway.log");
        awaitReady(log);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (gateway != null) {
            gateway.destroy();
            if (!gateway.waitFor(60, TimeUnit.SECONDS)) {
                gateway.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    void answersTheReadmeSeedCallWithTheDemoPolicyShippedInTheJar() {
        var answer = Http.postJson(base.resolve("/invoke"),
                "{\"prompt\":\"Summarize the benefits of infrastructure as code.\"}", DEMO_KEY);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).contains("\"guardrail_status\":\"allowed\"");
    }

    @Test
    void keepsTheJournalAndItsSigningKeyUnderAuditgateLocalInTheWorkingDirectory() {
        assertThat(cwd.resolve("auditgate-local/journal/digest-public-key.pem")).isRegularFile();
        assertThat(cwd.resolve("auditgate-local/journal/digest-signing-key.pem")).isRegularFile();
    }

    /** Answers on 127.0.0.1 (it became ready there) and refuses the machine's own non-loopback address. */
    @Test
    void listensOnLoopbackOnlyWithNoPreBootFile() {
        var outside = MachineAddress.outsideLoopback();
        assumeTrue(outside.isPresent(), "this machine has no non-loopback IPv4 address to try");

        assertThat(Http.get(base.resolve("/health/ready")).statusCode()).isEqualTo(200);
        MachineAddress.assertRefuses(outside.get(), base.getPort());
    }

    /** Payara's one-member data grid (it starts one even with --nocluster) is on loopback too. */
    @Test
    void keepsTheDataGridOnLoopback() throws IOException {
        assertThat(Files.readString(log)).containsPattern("DataGrid: .* Address: /127\\.0\\.0\\.1:\\d+");
    }

    /**
     * Each check once per group. {@code /health} is every group together (MicroProfile Health), so "gateway" and
     * "bedrock-client", which name both a liveness and a readiness check, are listed there twice: once per group.
     */
    @Test
    void listsEachHealthCheckOncePerGroupAndEveryGroupUnderHealth() throws IOException {
        var live = checkNames("/health/live");
        var ready = checkNames("/health/ready");
        var all = new ArrayList<>(live);
        all.addAll(ready);
        all.addAll(checkNames("/health/started"));

        assertThat(live).doesNotHaveDuplicates().contains("gateway", "bedrock-client");
        assertThat(ready).doesNotHaveDuplicates().contains("gateway", "bedrock-client", "audit-journal");
        assertThat(checkNames("/health")).containsExactlyInAnyOrderElementsOf(all);
    }

    private static List<String> checkNames(String path) throws IOException {
        var checks = new ObjectMapper().readTree(Http.get(base.resolve(path)).body()).path("checks");
        var names = new ArrayList<String>();
        checks.forEach(check -> names.add(check.path("name").asText()));
        return names;
    }

    /** Until {@code /health/ready} answers 200; at once if the gateway exits or fails to deploy ({@link BootWatch}). */
    private static void awaitReady(Path log) {
        BootWatch.of("gateway (local profile)", gateway, log, 0).await(BOOT, () -> {
            try {
                return Http.get(base.resolve("/health/ready")).statusCode() == 200;
            } catch (RuntimeException notListeningYet) {
                return false; // the port opens once the gateway is deployed
            }
        });
    }
}
