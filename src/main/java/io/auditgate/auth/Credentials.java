package io.auditgate.auth;

import java.util.regex.Pattern;

/**
 * Tells which credential a request presented, from the raw {@code Authorization} and {@code x-api-key} header
 * values ({@code null} when absent). Accepted: {@code Authorization: Bearer <jwt>}, {@code Authorization: Bearer
 * ag_...}, {@code x-api-key: ag_...}, or both headers carrying the same API key. Anything else that was sent is
 * {@link Credential.Kind#MALFORMED}: another scheme, an empty value, a token of neither shape, headers that
 * disagree, or repeated headers joined with commas. A pure function; it judges shape only, never validity.
 */
public final class Credentials {

    static final int MAX_LENGTH = 16 * 1024;
    private static final Pattern BEARER = Pattern.compile("(?i)bearer +(\\S+)");
    private static final Pattern JWT_SHAPE = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
    private static final Pattern API_KEY_SHAPE = Pattern.compile("ag_[A-Za-z0-9_-]+");

    private Credentials() {
    }

    public static Credential from(String authorization, String apiKeyHeader) {
        if (authorization == null && apiKeyHeader == null) {
            return Credential.NONE;
        }
        var fromKeyHeader = apiKeyHeader == null ? null : apiKey(apiKeyHeader.strip());
        var fromAuthorization = authorization == null ? null : bearer(authorization.strip());
        if (fromAuthorization == null) {
            return fromKeyHeader;
        }
        if (fromKeyHeader == null || fromKeyHeader.equals(fromAuthorization)) {
            return fromAuthorization;
        }
        return Credential.MALFORMED;
    }

    private static Credential bearer(String header) {
        if (header.length() > MAX_LENGTH) {
            return Credential.MALFORMED;
        }
        var m = BEARER.matcher(header);
        if (!m.matches()) {
            return Credential.MALFORMED;
        }
        var token = m.group(1);
        if (JWT_SHAPE.matcher(token).matches()) {
            return new Credential(Credential.Kind.JWT, token);
        }
        return apiKey(token);
    }

    private static Credential apiKey(String value) {
        return value.length() <= MAX_LENGTH && API_KEY_SHAPE.matcher(value).matches()
                ? new Credential(Credential.Kind.API_KEY, value)
                : Credential.MALFORMED;
    }
}
