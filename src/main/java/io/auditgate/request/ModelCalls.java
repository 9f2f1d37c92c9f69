package io.auditgate.request;

import java.time.Instant;
import java.util.Optional;

/**
 * The model attempts of one request (retries included): how many, how long in total, when the first began and the
 * last ended. Written by whichever thread an attempt ends on, hence synchronized; read once, as a {@link Summary},
 * when the request ends.
 */
public final class ModelCalls {

    private int attempts;
    private long upstreamNanos;
    private Instant start;
    private Instant end;

    /** Counts one attempt that just ended after {@code nanos}. */
    public synchronized void attempt(long nanos) {
        attempts++;
        upstreamNanos += nanos;
        end = Instant.now();
        if (start == null) {
            start = end.minusNanos(nanos);
        }
    }

    public synchronized Summary summary() {
        return new Summary(attempts, upstreamNanos, Optional.ofNullable(start), Optional.ofNullable(end));
    }

    /** The attempts so far, as one value. */
    public record Summary(int attempts, long upstreamNanos, Optional<Instant> start, Optional<Instant> end) {

        public static final Summary NONE = new Summary(0, 0, Optional.empty(), Optional.empty());

        public long upstreamMillis() {
            return upstreamNanos / 1_000_000;
        }
    }
}
