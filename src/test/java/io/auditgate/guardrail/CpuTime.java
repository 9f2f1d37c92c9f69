package io.auditgate.guardrail;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;

/**
 * The CPU time the current thread spends on a piece of work. CPU time, unlike wall-clock time, does not grow when
 * other processes share the machine, so a bound on it is a statement about the algorithm, not the build host.
 */
public final class CpuTime {

    /** What the acceptance criterion allows for screening one adversarial 256 KB prompt. */
    public static final Duration BOUND = Duration.ofSeconds(1);

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private CpuTime() {
    }

    /** Runs {@code work} on this thread and returns the CPU time it took. */
    public static Duration of(Runnable work) {
        long before = THREADS.getCurrentThreadCpuTime();
        work.run();
        return Duration.ofNanos(THREADS.getCurrentThreadCpuTime() - before);
    }

    /**
     * Runs {@code work} once on a 4 KB slice first, so the JIT has compiled its loops and the bound measures the
     * algorithm rather than the interpreter, then returns the CPU time of the full run.
     */
    public static Duration ofWarm(java.util.function.Consumer<String> work, String input) {
        work.accept(input.substring(0, Math.min(input.length(), 4096)));
        return of(() -> work.accept(input));
    }
}
