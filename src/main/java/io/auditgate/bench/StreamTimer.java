package io.auditgate.bench;

/**
 * The times of one streamed answer as the client saw them: from the request's send time to the first text delta
 * (time to first token), the largest gap between two consecutive text deltas, and whether the stream ended properly
 * or reported an error. Gaps count only text: heartbeats and empty deltas do not close a gap.
 */
final class StreamTimer implements StreamEvents {

    private final long sentNanos;
    private long firstNanos = -1;
    private long lastNanos;
    private long largestGapNanos;
    private boolean ended;
    private boolean failed;

    StreamTimer(long sentNanos) {
        this.sentNanos = sentNanos;
    }

    @Override
    public void delta() {
        delta(System.nanoTime());
    }

    /** A text delta that arrived at {@code nanos} (System.nanoTime). */
    void delta(long nanos) {
        if (firstNanos < 0) {
            firstNanos = nanos;
        } else {
            largestGapNanos = Math.max(largestGapNanos, nanos - lastNanos);
        }
        lastNanos = nanos;
    }

    @Override
    public void end() {
        ended = true;
    }

    @Override
    public void error() {
        failed = true;
    }

    long sentNanos() {
        return sentNanos;
    }

    /** Nanoseconds from the send to the first text delta; -1 when none came. */
    long firstTokenNanos() {
        return firstNanos < 0 ? -1 : firstNanos - sentNanos;
    }

    long largestGapNanos() {
        return largestGapNanos;
    }

    boolean ended() {
        return ended;
    }

    boolean failed() {
        return failed;
    }
}
