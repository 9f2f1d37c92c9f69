package io.auditgate.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * Sends one prepared request at a fixed rate for a while over a pool of keep-alive connections. Request {@code i}
 * is due at {@code start + i / rate}; a free connection sends it at that time (or at once if it is already late)
 * and its latency is measured from when it was due, not from when it went out, so time a slow server makes later
 * requests wait is counted against it (no coordinated omission). The pool must be larger than rate × latency, or
 * lateness grows and shows up in the result.
 */
final class FixedRateRun {

    /** What one run saw; latencies in microseconds. */
    record Result(long requests, long ok, long non2xx, long socketErrors, double seconds, Histogram latency) {

        double perSecond() {
            return requests / seconds;
        }
    }

    private final InetSocketAddress address;
    private final byte[] request;
    private final int connections;

    FixedRateRun(InetSocketAddress address, byte[] request, int connections) {
        this.address = address;
        this.request = request;
        this.connections = connections;
    }

    Result run(double rate, Duration duration) throws InterruptedException {
        long period = Math.round(1e9 / rate);
        long start = System.nanoTime() + 20_000_000L;
        long end = start + duration.toNanos();
        var next = new AtomicLong();
        var workers = new ArrayList<Worker>();
        for (int i = 0; i < connections; i++) {
            var worker = new Worker(next, start, period, end);
            worker.thread.start();
            workers.add(worker);
        }
        for (var worker : workers) {
            worker.thread.join();
        }
        return merge(workers, (System.nanoTime() - start) / 1e9);
    }

    private static Result merge(List<Worker> workers, double seconds) {
        var latency = new Histogram(60_000_000L, 3);
        long ok = 0;
        long non2xx = 0;
        long errors = 0;
        for (var worker : workers) {
            latency.add(worker.latency);
            ok += worker.ok;
            non2xx += worker.non2xx;
            errors += worker.errors;
        }
        return new Result(ok + non2xx + errors, ok, non2xx, errors, seconds, latency);
    }

    private final class Worker implements Runnable {
        final Thread thread = new Thread(this, "loadgen");
        final Histogram latency = new Histogram(60_000_000L, 3);
        final AtomicLong next;
        final long start;
        final long period;
        final long end;
        long ok;
        long non2xx;
        long errors;

        Worker(AtomicLong next, long start, long period, long end) {
            this.next = next;
            this.start = start;
            this.period = period;
            this.end = end;
            thread.setDaemon(true);
        }

        @Override
        public void run() {
            HttpConnection connection = null;
            for (long due = start + next.getAndIncrement() * period; due < end; due = start + next.getAndIncrement() * period) {
                for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                    LockSupport.parkNanos(wait);
                }
                try {
                    if (connection == null) {
                        connection = new HttpConnection(address);
                    }
                    int status = connection.exchange(request);
                    latency.recordValue(Math.min((System.nanoTime() - due) / 1_000, latency.getHighestTrackableValue()));
                    if (status / 100 == 2) {
                        ok++;
                    } else {
                        non2xx++;
                    }
                    if (connection.closing()) {
                        connection.close();
                        connection = null;
                    }
                } catch (IOException | RuntimeException e) {
                    errors++;
                    if (connection != null) {
                        connection.close();
                    }
                    connection = null;
                }
            }
            if (connection != null) {
                connection.close();
            }
        }
    }
}
