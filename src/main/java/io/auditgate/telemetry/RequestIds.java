package io.auditgate.telemetry;

import java.util.UUID;
import java.util.regex.Pattern;

/** Request ids: a client's {@code X-Request-Id} is kept when it is a sane token, otherwise a UUID is made. */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:\\-]{1,128}");

    private RequestIds() {
    }

    public static String accept(String candidate) {
        return candidate != null && SANE.matcher(candidate).matches() ? candidate : UUID.randomUUID().toString();
    }
}
