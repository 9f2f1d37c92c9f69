package io.auditgate.bench;

import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * The outcome of every stream of a {@link StreamRun}, written by all users at once. A stream is good when it was
 * answered 2xx, reported no error and reached its end; otherwise it counts once as {@code non2xx} (status ≥ 300),
 * a socket error (connection refused, reset or closed early, a protocol surprise), an error event, or incomplete
 * (the body ended without the closing event). Times (µs) are recorded for the good streams of the measured window.
 */
final class StreamTally {

    /** Counts of the measured window (and the warm-up's streams, any outcome); latencies in microseconds. */
    record Result(long warmupStreams, long streams, long ok, long non2xx, long socketErrors, long errorEvents,
            long incomplete, double seconds, Histogram firstToken, Histogram largestGap, Histogram duration) {

        long errors() {
            return non2xx + socketErrors + errorEvents + incomplete;
        }
    }

    private static final long HIGHEST_MICROS = 600_000_000L;

    private final Histogram firstToken = new ConcurrentHistogram(HIGHEST_MICROS, 3);
    private final Histogram largestGap = new ConcurrentHistogram(HIGHEST_MICROS, 3);
    private final Histogram duration = new ConcurrentHistogram(HIGHEST_MICROS, 3);
    private final LongAdder warmup = new LongAdder();
    private final LongAdder ok = new LongAdder();
    private final LongAdder non2xx = new LongAdder();
    private final LongAdder socketErrors = new LongAdder();
    private final LongAdder errorEvents = new LongAdder();
    private final LongAdder incomplete = new LongAdder();

    /** A stream whose body was read to its end at {@code endNanos}. */
    void answered(boolean measured, int status, StreamTimer timer, long endNanos) {
        if (!measured) {
            warmup.increment();
        } else if (status / 100 != 2) {
            non2xx.increment();
        } else if (timer.failed()) {
            errorEvents.increment();
        } else if (!timer.ended()) {
            incomplete.increment();
        } else {
            ok.increment();
            if (timer.firstTokenNanos() >= 0) {
                record(firstToken, timer.firstTokenNanos());
            }
            record(largestGap, timer.largestGapNanos());
            record(duration, endNanos - timer.sentNanos());
        }
    }

    /** A stream lost to the connection or to a protocol surprise. */
    void broken(boolean measured) {
        (measured ? socketErrors : warmup).increment();
    }

    Result result(double seconds) {
        long streams = ok.sum() + non2xx.sum() + socketErrors.sum() + errorEvents.sum() + incomplete.sum();
        return new Result(warmup.sum(), streams, ok.sum(), non2xx.sum(), socketErrors.sum(), errorEvents.sum(),
                incomplete.sum(), seconds, firstToken, largestGap, duration);
    }

    private static void record(Histogram histogram, long nanos) {
        histogram.recordValue(Math.min(Math.max(nanos, 0) / 1_000, HIGHEST_MICROS));
    }
}
