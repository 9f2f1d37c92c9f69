package io.auditgate.request;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Request ids. The gateway names every request with a new UUID, its {@code record_id}: nothing a client sends can
 * choose or reuse it. A client's own {@code X-Request-Id} is kept beside it, as {@code client.request_id}, and echoed
 * in {@link #CLIENT_HEADER} when it is a sane token.
 */
public final class RequestIds {

    /** Carries the gateway's id on every answer. */
    public static final String HEADER = "X-Request-Id";
    /** Echoes the client's own {@code X-Request-Id}, when it was a sane token. */
    public static final String CLIENT_HEADER = "X-Client-Request-Id";
    static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:\\-]{1,128}");

    private RequestIds() {
    }

    /** A new id for one request. */
    public static String next() {
        return UUID.randomUUID().toString();
    }

    /** The client's id to echo back to it: present only when it is a sane token. */
    public static Optional<String> echo(String candidate) {
        return candidate != null && SANE.matcher(candidate).matches() ? Optional.of(candidate) : Optional.empty();
    }
}
