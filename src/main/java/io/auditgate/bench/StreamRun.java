package io.auditgate.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.LockSupport;

/**
 * A closed loop of streaming users: each user is a virtual thread with its own keep-alive connection that sends the
 * prepared streaming request, reads the answer to its end as it arrives (parsed by a {@link StreamFormat}), and sends
 * the next at once. Users start spread evenly over the warm-up (so thousands do not connect in the same millisecond
 * and stay in step), then every stream begun in the measured window counts; users begin no stream after the window
 * and the run returns once the streams still open have ended, so every stream the server served is counted once,
 * in the warm-up or in the window.
 */
final class StreamRun {

    private final InetSocketAddress address;
    private final byte[] request;
    private final StreamFormat format;

    StreamRun(InetSocketAddress address, byte[] request, StreamFormat format) {
        this.address = address;
        this.request = request;
        this.format = format;
    }

    StreamTally.Result run(int users, Duration warmup, Duration duration) {
        long start = System.nanoTime() + 20_000_000L;
        long from = start + warmup.toNanos();
        long until = from + duration.toNanos();
        var tally = new StreamTally();
        try (var loops = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < users; i++) {
                long first = start + warmup.toNanos() * i / users;
                loops.execute(() -> user(first, from, until, tally));
            }
        } // waits for every user's last stream
        return tally.result(duration.toNanos() / 1e9);
    }

    private void user(long first, long from, long until, StreamTally tally) {
        for (long wait = first - System.nanoTime(); wait > 0; wait = first - System.nanoTime()) {
            LockSupport.parkNanos(wait);
        }
        HttpConnection connection = null;
        for (long sent = System.nanoTime(); sent < until; sent = System.nanoTime()) {
            var timer = new StreamTimer(sent);
            try {
                if (connection == null) {
                    connection = new HttpConnection(address);
                }
                int status = connection.exchange(request, format.parser(timer));
                tally.answered(sent >= from, status, timer, System.nanoTime());
                if (connection.closing()) {
                    connection.close();
                    connection = null;
                }
            } catch (IOException | RuntimeException e) {
                tally.broken(sent >= from);
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
