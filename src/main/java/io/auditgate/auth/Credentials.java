package io.auditgate.auth;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Tells which credential a request presented, from the raw values of its {@code Authorization} and {@code x-api-key}
 * headers (every occurrence, in order). Accepted: exactly one of {@code Authorization: Bearer <jwt>},
 * {@code Authorization: Bearer ag_...} or {@code x-api-key: ag_...}. Anything else that was sent is
 * {@link Credential.Kind#MALFORMED}: another scheme, an empty value, a token of neither shape, a header sent twice,
 * both headers at once (even with the same key: a request that says two things is refused, never guessed at), or
 * repeated headers joined with commas. A pure function; it judges shape only, never validity.
 */
public final class Credentials {

    static final int MAX_LENGTH = 16 * 1024;
    private static final Pattern BEARER = Pattern.compile("(?i)bearer +(\\S+)");
    private static final Pattern JWT_SHAPE = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
    private static final Pattern API_KEY_SHAPE = Pattern.compile("ag_[A-Za-z0-9_-]+");

    private Credentials() {
    }

    /** For one value of each header at most ({@code null} when absent). */
    public static Credential from(String authorization, String apiKeyHeader) {
        return fromHeaders(authorization == null ? List.of() : List.of(authorization),
                apiKeyHeader == null ? List.of() : List.of(apiKeyHeader));
    }

    public static Credential fromHeaders(List<String> authorizations, List<String> apiKeyHeaders) {
        var sent = authorizations.size() + apiKeyHeaders.size();
        if (sent == 0) {
            return Credential.NONE;
        }
        if (sent > 1) {
            return Credential.MALFORMED;
        }
        return authorizations.isEmpty() ? apiKey(apiKeyHeaders.get(0).strip()) : bearer(authorizations.get(0).strip());
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
