package io.auditgate.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Sends one prepared request at a fixed rate for a while over keep-alive connections. One thread keeps the
 * {@link RateSchedule}: at each request's due time it starts a virtual thread, which takes an idle connection (or
 * opens one) and measures the latency from when the request was due, not from when it went out, so time a slow
 * server makes later requests wait is counted against it (no coordinated omission). Connections are opened as the
 * load needs them, up to {@code maxConnections}: at 1,000 requests/s and 1.5 s latency about 1,500 are in use at once.
 * Beyond the cap a request waits for a free connection (in order), and its wait counts in its latency too. Connections
 * stay open from one run to the next (the warm-up's serve the measured run) until {@link #close()}.
 */
final class FixedRateRun implements AutoCloseable {

    /**
     * What one run saw; latencies in microseconds; {@code seconds}: from the first due time to the last send, plus one
     * period (the schedule's length when every request went out on time, longer when requests waited for a
     * connection), so {@code perSecond} is the rate the server was actually offered; {@code connections}: open at the end.
     */
    record Result(long requests, long ok, long non2xx, long socketErrors, double seconds, Histogram latency,
            int connections) {

        double perSecond() {
            return requests / seconds;
        }
    }

    private final InetSocketAddress address;
    private final byte[] request;
    private final Semaphore slots;
    private final ConcurrentLinkedDeque<HttpConnection> idle = new ConcurrentLinkedDeque<>();
    private final AtomicInteger open = new AtomicInteger();

    FixedRateRun(InetSocketAddress address, byte[] request, int maxConnections) {
        this.address = address;
        this.request = request;
        this.slots = new Semaphore(maxConnections, true);
    }

    Result run(double rate, Duration duration) {
        var schedule = RateSchedule.of(rate, duration, System.nanoTime() + 20_000_000L);
        var tally = new Tally(schedule.startNanos());
        try (var senders = Executors.newVirtualThreadPerTaskExecutor()) {
            for (long i = 0; schedule.includes(i); i++) {
                long due = schedule.due(i);
                for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                    LockSupport.parkNanos(wait);
                }
                senders.execute(() -> send(due, tally));
            }
        } // waits for every request sent
        return tally.result(schedule.periodNanos(), open.get());
    }

    private void send(long due, Tally tally) {
        slots.acquireUninterruptibly();
        HttpConnection connection = idle.pollFirst();
        try {
            if (connection == null) {
                connection = new HttpConnection(address);
                open.incrementAndGet();
            }
            tally.sending(System.nanoTime());
            int status = connection.exchange(request);
            tally.answered(status, System.nanoTime() - due);
            if (connection.closing()) {
                discard(connection);
            } else {
                idle.addFirst(connection); // the most recently used first: the pool stays as small as the load allows
            }
        } catch (IOException | RuntimeException e) {
            tally.failed();
            if (connection != null) {
                discard(connection);
            }
        } finally {
            slots.release();
        }
    }

    private void discard(HttpConnection connection) {
        connection.close();
        open.decrementAndGet();
    }

    @Override
    public void close() {
        for (var connection = idle.pollFirst(); connection != null; connection = idle.pollFirst()) {
            discard(connection);
        }
    }

    /** Counts and latencies of one run, written by many virtual threads at once. */
    private static final class Tally {
        final Histogram latency = new ConcurrentHistogram(60_000_000L, 3);
        final LongAdder ok = new LongAdder();
        final LongAdder non2xx = new LongAdder();
        final LongAdder errors = new LongAdder();
        final long start;
        final AtomicLong lastSent;

        Tally(long start) {
            this.start = start;
            lastSent = new AtomicLong(start);
        }

        void sending(long nanos) {
            lastSent.accumulateAndGet(nanos, Math::max);
        }

        void answered(int status, long nanos) {
            latency.recordValue(Math.min(nanos / 1_000, latency.getHighestTrackableValue()));
            (status / 100 == 2 ? ok : non2xx).increment();
        }

        void failed() {
            errors.increment();
        }

        Result result(long period, int connections) {
            double seconds = (lastSent.get() - start + period) / 1e9;
            long requests = ok.sum() + non2xx.sum() + errors.sum();
            return new Result(requests, ok.sum(), non2xx.sum(), errors.sum(), seconds, latency, connections);
        }
    }
}
