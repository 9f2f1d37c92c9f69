package io.auditgate.request;

import java.util.Objects;
import java.util.Optional;

/**
 * How a streamed answer went, for its record: how it ended, how many pieces of text were sent, and how long the
 * first one took from the request's arrival.
 *
 * @param ended finished, client-closed, upstream-error, answer-blocked, timeout or audit-unavailable
 */
public record StreamFacts(String ended, int chunks, Optional<Long> firstTokenMillis) {

    public static final String FINISHED = "finished";
    public static final String CLIENT_CLOSED = "client-closed";
    public static final String UPSTREAM_ERROR = "upstream-error";
    public static final String ANSWER_BLOCKED = "answer-blocked";
    public static final String TIMEOUT = "timeout";
    public static final String AUDIT_UNAVAILABLE = "audit-unavailable";

    public StreamFacts {
        Objects.requireNonNull(ended, "ended");
        Objects.requireNonNull(firstTokenMillis, "firstTokenMillis");
        if (chunks < 0) {
            throw new IllegalArgumentException("chunks must not be negative");
        }
    }
}
