package io.auditgate.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Waits for a process a test started to become ready, and stops waiting as soon as it cannot: the process has exited,
 * or its log shows a failed deployment (Payara's "Exception while deploying the app", e.g. a stale class giving two
 * servlets the same url pattern, after which Payara Micro keeps running without the gateway); else at a deadline.
 * Every failure says which and quotes {@value #TAIL} lines of that process's own log (the gateway logs no prompt and no
 * secret): the last ones, or for a failed deployment those from its cause on, so a broken boot fails within a second
 * with its cause instead of after minutes of silence.
 */
public final class BootWatch {

    static final int TAIL = 40;
    /** Lines quoted before the first sign of a failed deployment (Payara names the cause just before it). */
    private static final int LEAD = 3;
    /** Payara's deployment errors repeat a whole annotation on one line: a quote stops here. */
    private static final int LINE = 400;
    private static final Duration POLL = Duration.ofMillis(100);
    /** What Payara logs (SEVERE) when a deployment fails; the text follows in the same or the next lines. */
    private static final List<String> DEPLOYMENT_FAILED = List.of("Exception while deploying the app",
            "Exception while loading the app", "Exception while preparing the app",
            "Exception during lifecycle processing");

    private final String name;
    private final Optional<ProcessHandle> process;
    private final Supplier<String> exit;
    private final Supplier<String> log;
    private final String logName;

    private BootWatch(String name, Optional<ProcessHandle> process, Supplier<String> exit, Supplier<String> log,
            String logName) {
        this.name = name;
        this.process = process;
        this.exit = exit;
        this.log = log;
        this.logName = logName;
    }

    /** {@code process}, whose output goes to {@code log} from byte {@code logStart} on (earlier runs may precede it). */
    public static BootWatch of(String name, Process process, Path log, long logStart) {
        return new BootWatch(name, Optional.of(process.toHandle()), () -> "status " + process.exitValue(),
                () -> read(log, logStart), log.toString());
    }

    /** A process this JVM did not start itself (found by its handle, if at all), its output as {@code log} gives it. */
    public static BootWatch of(String name, Optional<ProcessHandle> process, Supplier<String> log, String logName) {
        return new BootWatch(name, process, () -> "unknown status", log, logName);
    }

    /**
     * The newest of this JVM's descendant processes whose command line contains {@code text} (e.g. the Payara Micro
     * jar the Arquillian adapter runs); none where the operating system does not show command lines.
     */
    public static Optional<ProcessHandle> newestDescendantRunning(String text) {
        return ProcessHandle.current().descendants()
                .filter(p -> p.info().commandLine().filter(line -> line.contains(text)).isPresent())
                .max(Comparator.comparing(p -> p.info().startInstant().orElse(Instant.MIN)));
    }

    /** Waits until {@code ready}; see {@link #await(Duration, BooleanSupplier, Supplier)}. */
    public void await(Duration timeout, BooleanSupplier ready) {
        await(timeout, ready, () -> "");
    }

    /**
     * Returns once {@code ready} (asked every 100 ms; it bounds its own probe) says so; throws
     * {@link IllegalStateException} as soon as the process has exited or failed to deploy, or once {@code timeout}
     * has passed, adding what {@code stuck} says only then (e.g. a thread dump: not for a process that is gone).
     */
    public void await(Duration timeout, BooleanSupplier ready, Supplier<String> stuck) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            checkAlive();
            if (ready.getAsBoolean()) {
                return;
            }
            checkDeployed();
            if (System.nanoTime() > deadline) {
                var detail = stuck.get();
                throw failure("not ready within " + timeout + (detail.isEmpty() ? "" : " (" + detail + ")"), log.get());
            }
            sleep();
        }
    }

    /** Throws as {@link #await} would if the process has exited or its log shows a failed deployment. */
    public void check() {
        checkAlive();
        checkDeployed();
    }

    private void checkAlive() {
        if (process.isPresent() && !process.get().isAlive()) {
            throw failure("exited (" + exit.get() + ") before it was ready", log.get());
        }
    }

    /**
     * Read only while not ready: a healthy gateway's log is never scanned, however long it has grown. Quotes the log
     * from just before the failure, where Payara names its cause: by the time it is seen, the stack trace and the rest
     * of the boot may have pushed it out of the last lines.
     */
    private void checkDeployed() {
        var lines = log.get().lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            for (var marker : DEPLOYMENT_FAILED) {
                if (lines.get(i).contains(marker)) {
                    int from = Math.max(0, i - LEAD);
                    throw failure("failed to deploy (its log says \"" + marker + "\")", TAIL + " lines of " + logName
                            + " from the failure", lines.subList(from, Math.min(lines.size(), from + TAIL)));
                }
            }
        }
    }

    private IllegalStateException failure(String what, String text) {
        var lines = text.lines().toList();
        return failure(what, "last " + TAIL + " lines of " + logName, lines.subList(Math.max(0, lines.size() - TAIL),
                lines.size()));
    }

    private IllegalStateException failure(String what, String quoted, List<String> lines) {
        var quote = lines.stream().map(line -> line.length() > LINE ? line.substring(0, LINE) + "..." : line);
        return new IllegalStateException(name + " " + what + "; " + quoted + ":\n"
                + quote.collect(Collectors.joining("\n")));
    }

    private static String read(Path log, long from) {
        try {
            var bytes = Files.exists(log) ? Files.readAllBytes(log) : new byte[0];
            int start = (int) Math.min(from, bytes.length);
            return new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a process to be ready", e);
        }
    }
}
