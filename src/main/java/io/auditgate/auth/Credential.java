package io.auditgate.auth;

import java.util.Objects;

/**
 * What a request presented to authenticate with. {@code value} is the API key or the JWT for those kinds and
 * {@code null} otherwise; {@link #toString()} never shows it.
 */
public record Credential(Kind kind, String value) {

    public enum Kind {
        /** Neither header was sent. */
        NONE,
        API_KEY,
        JWT,
        /** A header was sent but cannot be a credential, or the two headers disagree. */
        MALFORMED
    }

    static final Credential NONE = new Credential(Kind.NONE, null);
    static final Credential MALFORMED = new Credential(Kind.MALFORMED, null);

    public Credential {
        Objects.requireNonNull(kind, "kind");
        var carriesValue = kind == Kind.API_KEY || kind == Kind.JWT;
        if (carriesValue != (value != null)) {
            throw new IllegalArgumentException(kind + (carriesValue ? " needs a value" : " has no value"));
        }
    }

    @Override
    public String toString() {
        return "Credential[" + kind + "]";
    }
}
