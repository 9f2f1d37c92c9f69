package io.auditgate.process;

import java.util.concurrent.ThreadFactory;

/**
 * Every background thread the gateway starts, by name: the list an operator reads in a thread dump, and the one
 * {@code docs/architecture.md} keeps. All are daemon threads except the shutdown hook's, which the JVM waits for.
 * Request work runs on the container's threads, never on these.
 */
public enum Worker {

    /** Re-reads the tenants policy file every {@code tenants.reload-interval}. */
    POLICY_WATCHER("auditgate-policy-watcher"),
    /** Writes the queued request log lines to standard output. */
    REQUEST_LOG("request-log"),
    /** The journal's group commit: writes and fsyncs queued records, one per instance ({@code -<instance>}). */
    JOURNAL("audit-journal-"),
    /** Cuts segments, ships them and signs digests ({@code -<instance>}). */
    SHIPPER("audit-shipper-"),
    /** At start-up: ships what an earlier run left in the journal and loads the audit classes. */
    STARTUP_DRAIN("audit-startup-drain"),
    /** At start-up, when the grid lost tenants' spending: rebuilds the budgets' from the audit trail, then ends. */
    BUDGET_REBUILD("auditgate-budget-rebuild"),
    /** The shutdown hook: drains the journal to the store before the JVM exits. */
    SHUTDOWN_DRAIN("audit-drain"),
    /**
     * Virtual threads, one per step of a request that continues after a future completed (the model's answer, a
     * durable record): screening the answer, ending the request, writing its response. Never the SDK's or the
     * journal's threads, which must not be held by request work.
     */
    CONTINUATION("auditgate-request-"),
    /** Waits out the delays of model-call retries and starts the retried attempts (first attempts run on the caller). */
    UPSTREAM_RETRY("auditgate-upstream"),
    /** Sends the heartbeat comments of open streams (every {@code gateway.stream-heartbeat}). */
    HEARTBEATS("auditgate-heartbeats"),
    /** One sweep every 100 ms over all streamed model answers in progress: their deadline and idle gap. */
    STREAM_TIMERS("auditgate-stream-timers"),
    /** Calls {@code System.exit} for an {@link Exit}. */
    REFUSE_START("auditgate-refuse-start");

    private final String name;

    Worker(String name) {
        this.name = name;
    }

    /** The thread's name; {@code suffix} distinguishes one per instance (the journal's and shipper's). */
    public String threadName(String suffix) {
        return name + suffix;
    }

    /** A daemon thread, not started. */
    public Thread thread(String suffix, Runnable task) {
        var thread = new Thread(task, threadName(suffix));
        thread.setDaemon(this != SHUTDOWN_DRAIN);
        return thread;
    }

    public Thread start(Runnable task) {
        var thread = thread("", task);
        thread.start();
        return thread;
    }

    /** Virtual threads named {@code <name><n>}. */
    public ThreadFactory virtualFactory() {
        return Thread.ofVirtual().name(name, 0).factory();
    }

    /** For a single-thread executor of this worker. */
    public ThreadFactory factory(String suffix) {
        return task -> thread(suffix, task);
    }
}
