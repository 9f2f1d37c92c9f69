package io.auditgate.request;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The model attempts of one request (retries and fallbacks included): each attempt's model, outcome and latency, how
 * long they took in total, when the first began and the last ended. Written by whichever thread an attempt ends on,
 * hence synchronized; read as one immutable {@link Summary} when the request ends.
 */
public final class ModelCalls {

    private final List<Attempt> attempts = new ArrayList<>();
    private long upstreamNanos;
    private Instant start;
    private Instant end;

    /** Records one attempt of {@code model} that just ended after {@code nanos} with {@code outcome} ({@link Attempt}). */
    public synchronized void attempt(String model, String outcome, long nanos) {
        var number = (int) attempts.stream().filter(a -> a.model().equals(model)).count() + 1;
        attempts.add(new Attempt(model, outcome, nanos / 1_000_000, number));
        upstreamNanos += nanos;
        end = Instant.now();
        if (start == null) {
            start = end.minusNanos(nanos);
        }
    }

    public synchronized Summary summary() {
        return new Summary(List.copyOf(attempts), upstreamNanos, Optional.ofNullable(start), Optional.ofNullable(end));
    }

    /** The attempts so far, as one value. */
    public record Summary(List<Attempt> tried, long upstreamNanos, Optional<Instant> start, Optional<Instant> end) {

        public static final Summary NONE = new Summary(List.of(), 0, Optional.empty(), Optional.empty());

        public Summary {
            tried = List.copyOf(tried);
        }

        public int attempts() {
            return tried.size();
        }

        public long upstreamMillis() {
            return upstreamNanos / 1_000_000;
        }

        /** The model of the last attempt: the one that answered, when the request has an answer. */
        public Optional<String> lastModel() {
            return tried.isEmpty() ? Optional.empty() : Optional.of(tried.get(tried.size() - 1).model());
        }
    }
}
