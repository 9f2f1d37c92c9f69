package io.auditgate.tenant;

import io.auditgate.process.Worker;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Calls {@link PolicyHolder#reloadIfChanged()} every interval on one daemon thread, between start and stop. */
public final class PolicyWatcher implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(PolicyWatcher.class.getName());

    private final PolicyHolder holder;
    private final Duration interval;
    private ScheduledExecutorService executor;

    public PolicyWatcher(PolicyHolder holder, Duration interval) {
        this.holder = Objects.requireNonNull(holder, "holder");
        this.interval = Objects.requireNonNull(interval, "interval");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive");
        }
    }

    public synchronized void start() {
        if (executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(Worker.POLICY_WATCHER.factory(""));
        var millis = interval.toMillis();
        executor.scheduleWithFixedDelay(this::check, millis, millis, TimeUnit.MILLISECONDS);
    }

    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void check() {
        try {
            holder.reloadIfChanged();
        } catch (RuntimeException e) {
            // a thrown exception would cancel the schedule: keep watching, say what broke
            LOG.log(Level.SEVERE, "Tenants policy check failed: " + e.getClass().getName());
        }
    }
}
