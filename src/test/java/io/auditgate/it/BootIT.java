package io.auditgate.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditgate.testing.BootWatch;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The gateway jar as deployed, asked every 100 ms from the moment its process starts: until it is deployed its port
 * refuses connections, and the first answer, like every later one, is the gateway's own problem+json (never one of
 * Payara's boot-time HTML 404 pages or an empty 500).
 */
class BootIT {

    private static final Duration BOOT = Duration.ofSeconds(240);

    @Test
    void fromProcessStartEveryAnswerIsTheGatewaysOwnProblemNeverABootTimePage() throws Exception {
        var work = Files.createDirectories(Path.of(System.getProperty("it.audit.dir"), "boot"));
        var port = io.auditgate.testing.S3MockProcess.freePort();
        var log = work.resolve("gateway.log");
        var process = start(work, log, port);
        try {
            var answers = poll(BootWatch.of("gateway", process, log, 0), port);

            assertThat(answers).isNotEmpty();
            assertThat(answers).allSatisfy(answer -> {
                assertThat(answer.header("Content-Type")).as(answer.statusLine())
                        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
                assertThat(answer.body()).doesNotContain("<html").doesNotContain("<!DOCTYPE");
            });
            assertThat(answers.get(answers.size() - 1).statusLine()).isEqualTo("HTTP/1.1 401 Unauthorized");
            MachineAddress.outsideLoopback().ifPresent(outside -> MachineAddress.assertRefuses(outside, port));
        } finally {
            process.destroyForcibly().waitFor();
        }
    }

    /**
     * Speed without flags (docs/performance.md, "JVM options"): the jar itself names the JSON-P provider, which Payara
     * Micro sets as a system property at every start, so a plain {@code java -jar auditgate.jar} is not the slow one.
     */
    @Test
    void theJarNamesTheJsonProviderSoNoCommandLineFlagIsNeeded() throws IOException {
        var boot = new Properties();
        try (var jar = new ZipFile(System.getProperty("it.gateway.jar"));
                var in = jar.getInputStream(jar.getEntry("MICRO-INF/deploy/payaramicro.properties"))) {
            boot.load(in);
        }

        assertThat(boot.getProperty("jakarta.json.provider")).isEqualTo("org.eclipse.parsson.JsonProviderImpl");
        assertThat(boot.getProperty("payaramicro.noCluster")).isEqualTo("true");
        assertThat(boot.getProperty("payaramicro.clusterMode")).as("switched on: TCP to loopback, never multicast")
                .isEqualTo("tcpip:127.0.0.1:6900");
        assertThat(boot.getProperty("payaramicro.interfaces")).isEqualTo("127.0.0.1");
        assertThat(boot.getProperty("payaramicro.disablePhoneHome")).isEqualTo("true");
    }

    /**
     * Every answer until the first 401 (the gateway is up); connection refusals are not answers. Fails at once if the
     * process exits or its log shows a failed deployment (then Payara would answer 404 pages until the deadline).
     */
    private static List<Http.Raw> poll(BootWatch watch, int port) {
        var answers = new ArrayList<Http.Raw>();
        watch.await(BOOT, () -> ask(port).map(answer -> {
            answers.add(answer);
            return answer.status() == 401;
        }).orElse(false), () -> "answers so far " + answers);
        return answers;
    }

    /** One unauthenticated {@code POST /invoke}: its answer, or none while the port refuses connections. */
    private static Optional<Http.Raw> ask(int port) {
        try (var socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST /invoke HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 2\r\n\r\n{}").getBytes(StandardCharsets.US_ASCII));
            return Optional.of(Http.readResponse(socket));
        } catch (ConnectException refused) {
            return Optional.empty(); // not listening yet: the intended state while booting
        } catch (IOException e) {
            return Optional.of(new Http.Raw("(broken answer: " + e.getClass().getSimpleName() + ")", java.util.Map.of(),
                    "", false));
        }
    }

    /**
     * {@code java -jar target/auditgate.jar} without a profile, on loopback by {@code AUDITGATE_BIND_ADDRESS} alone (no
     * pre-boot file), with its own journal and store (never the other ITs').
     */
    private static Process start(Path work, Path log, int port) throws IOException {
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var builder = new ProcessBuilder(java, "-Xmx384m", "-Djava.io.tmpdir=" + Files.createDirectories(work.resolve("tmp")),
                "-jar", System.getProperty("it.gateway.jar"), "--port", Integer.toString(port))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("AUDITGATE_BIND_ADDRESS", "127.0.0.1");
        builder.environment().put("AUDIT_JOURNAL_DIR", work.resolve("journal").toString());
        builder.environment().put("AUDIT_LOCAL_DIR", work.resolve("store").toString());
        builder.environment().put("AUDIT_INSTANCE", "boot-check");
        builder.environment().put("BEDROCK_WARM_UP", "false");
        return builder.start();
    }
}
