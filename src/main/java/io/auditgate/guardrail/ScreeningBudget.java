package io.auditgate.guardrail;

import io.auditgate.problem.GatewayException;
import io.auditgate.problem.ProblemType;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Objects;

/**
 * The CPU time one request's input screening may use, counted on the thread that screens it. The detectors call
 * {@link #check()} between recognizers, checks and texts; once the budget is spent, the next check refuses the request
 * with {@link ProblemType#SCREENING_LIMIT}, so the work stops there instead of running on after the client has gone.
 * CPU time rather than wall-clock time, so that a busy host does not refuse prompts that are cheap to screen; where the
 * JVM cannot measure a thread's CPU time, elapsed time is counted instead. Confined to one thread and one request.
 */
final class ScreeningBudget {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final boolean CPU_TIME = THREADS.isCurrentThreadCpuTimeSupported()
            && THREADS.isThreadCpuTimeEnabled();

    private final long limitNanos;
    private final long startNanos;

    private ScreeningBudget(Duration limit) {
        this.limitNanos = limit.toNanos();
        this.startNanos = now();
    }

    /**
     * Starts counting on the calling thread.
     *
     * @throws IllegalArgumentException if {@code limit} is not positive
     */
    static ScreeningBudget start(Duration limit) {
        return new ScreeningBudget(requirePositive(limit));
    }

    /**
     * Returns {@code limit}.
     *
     * @throws IllegalArgumentException if it is not positive
     */
    static Duration requirePositive(Duration limit) {
        Objects.requireNonNull(limit, "limit");
        if (limit.isNegative() || limit.isZero()) {
            throw new IllegalArgumentException("guardrail.screening-budget must be positive: " + limit);
        }
        return limit;
    }

    /**
     * Returns if the budget is not yet spent.
     *
     * @throws GatewayException {@link ProblemType#SCREENING_LIMIT} once it is
     */
    void check() {
        if (now() - startNanos > limitNanos) {
            throw new GatewayException(ProblemType.SCREENING_LIMIT, "Screening this prompt for personal data and "
                    + "prompt injection needed more CPU time than the gateway allows for one request; send a shorter "
                    + "prompt.");
        }
    }

    private static long now() {
        return CPU_TIME ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }
}
