package io.auditgate.bedrock;

import dev.failsafe.spi.Scheduler;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Failsafe's scheduler for model calls: an attempt due now (the first) runs at once on the caller's thread, which only
 * starts the SDK's asynchronous call; a retry waits out its delay on {@code delays}. With a plain scheduler every
 * first attempt would hop to its one thread and queue there behind all others: 5 % of the gateway's CPU samples at
 * c=64, and a queue in front of every model call (docs/performance.md).
 */
final class FirstAttemptNow implements Scheduler {

    private final ScheduledExecutorService delays;

    FirstAttemptNow(ScheduledExecutorService delays) {
        this.delays = delays;
    }

    @Override
    public ScheduledFuture<?> schedule(Callable<?> callable, long delay, TimeUnit unit) {
        if (delay > 0) {
            return delays.schedule(callable, delay, unit);
        }
        var done = new CompletableFuture<Object>();
        try {
            done.complete(callable.call());
        } catch (Exception e) {
            done.completeExceptionally(e);
        }
        return new Ran(done);
    }

    /** An attempt that has already run: done, with no delay left. */
    private record Ran(CompletableFuture<Object> result) implements ScheduledFuture<Object> {

        @Override
        public long getDelay(TimeUnit unit) {
            return 0;
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(0, other.getDelay(TimeUnit.NANOSECONDS));
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            return false;
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public boolean isDone() {
            return true;
        }

        @Override
        public Object get() throws InterruptedException, ExecutionException {
            return result.get();
        }

        @Override
        public Object get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException {
            return result.get();
        }
    }
}
