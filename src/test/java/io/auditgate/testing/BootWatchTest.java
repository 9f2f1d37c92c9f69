package io.auditgate.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Waiting for a process to be ready ends as soon as it cannot be, naming why and quoting the end of its log. */
class BootWatchTest {

    private static final Duration LONG = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private Process process;

    @AfterEach
    void stopProcess() {
        if (process != null) {
            process.destroyForcibly();
        }
    }

    @Test
    void aProcessThatExitsFailsTheWaitWithinASecondQuotingItsLog() throws IOException {
        var log = dir.resolve("gateway.log");
        process = start(log, "echo boom; exit 3");
        long started = System.nanoTime();

        assertThatThrownBy(() -> BootWatch.of("gateway", process, log, 0).await(LONG, () -> false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("gateway exited (status 3) before it was ready")
                .hasMessageContaining(log.toString()).hasMessageEndingWith("\nboom");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void aFailedDeploymentFailsTheWaitWhileTheProcessStillRunsQuotingTheLogFromItsCause() throws IOException {
        var log = dir.resolve("gateway.log");
        process = start(log, "for i in $(seq 1 10); do echo boot-$i; done; "
                + "echo 'SEVERE: Servlet [a] and Servlet [b] have the same url pattern: [/x]'; "
                + "echo 'SEVERE: Exception while deploying the app [ROOT]'; "
                + "for i in $(seq 1 100); do echo '  at stack.Frame'; done; echo 'Payara Micro ready'; sleep 60");
        long started = System.nanoTime();

        assertThatThrownBy(() -> BootWatch.of("gateway", process, log, 0).await(LONG, () -> false))
                .hasMessageContaining("gateway failed to deploy (its log says \"Exception while deploying the app\")")
                .hasMessageContaining("40 lines of " + log + " from the failure:\nboot-9\nboot-10\nSEVERE: Servlet [a]")
                .message().doesNotContain("boot-8").doesNotContain("Payara Micro ready");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
        assertThat(process.isAlive()).isTrue();
    }

    @Test
    void cutsOverlongLines() {
        var watch = BootWatch.of("gateway", Optional.empty(), () -> "x".repeat(5000), "its log");

        assertThatThrownBy(() -> watch.await(Duration.ZERO, () -> false))
                .hasMessageEndingWith(":\n" + "x".repeat(400) + "...");
    }

    @Test
    void quotesOnlyTheLastFortyLines() throws IOException {
        var log = dir.resolve("gateway.log");
        process = start(log, "for i in $(seq 1 100); do echo line-$i; done; exit 1");

        assertThatThrownBy(() -> BootWatch.of("gateway", process, log, 0).await(LONG, () -> false))
                .hasMessageContaining("last 40 lines").hasMessageContaining("\nline-61\n")
                .hasMessageEndingWith("\nline-100").message().doesNotContain("line-60\n");
    }

    @Test
    void returnsOnceReadyIgnoringWhatAnEarlierRunLeftInTheSameLog() throws IOException {
        var log = Files.writeString(dir.resolve("gateway.log"), "Exception while deploying the app [ROOT]\n");
        process = start(log, "sleep 60");
        var asked = new AtomicInteger();

        BootWatch.of("gateway", process, log, Files.size(log)).await(LONG, () -> asked.incrementAndGet() == 3);

        assertThat(asked).hasValue(3);
    }

    @Test
    void aProcessThatNeverGetsReadyFailsAtTheDeadlineWithWhatStuckSays() throws IOException {
        var log = dir.resolve("gateway.log");
        process = start(log, "echo booting; sleep 60");

        assertThatThrownBy(() -> BootWatch.of("gateway", process, log, 0)
                .await(Duration.ofMillis(300), () -> false, () -> "threads in gateway.log.threads.txt"))
                .hasMessageContaining("gateway not ready within PT0.3S (threads in gateway.log.threads.txt)")
                .hasMessageEndingWith("\nbooting");
    }

    @Test
    void findsTheNewestDescendantByItsCommandLine() throws IOException {
        process = new ProcessBuilder("sleep", "60.0417").start(); // an odd duration as the marker; sleep never forks

        assertThat(BootWatch.newestDescendantRunning("sleep 60.0417")).contains(process.toHandle());
        assertThat(BootWatch.newestDescendantRunning("no-such-process-marker")).isEmpty();
    }

    @Test
    void aCapturedOutputShowingAFailedDeploymentFailsTheCheckWithoutAProcess() {
        var watch = BootWatch.of("Payara Micro", Optional.empty(),
                () -> "booting\nException during lifecycle processing\nsame url pattern", "captured output");

        assertThatThrownBy(watch::check).hasMessageContaining("Payara Micro failed to deploy")
                .hasMessageEndingWith("captured output from the failure:\nbooting\nException during lifecycle processing\nsame url pattern");
    }

    /** {@code sh -c script}, its output appended to {@code log} as the harness's gateways do. */
    private static Process start(Path log, String script) throws IOException {
        return new ProcessBuilder("sh", "-c", script).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }
}
