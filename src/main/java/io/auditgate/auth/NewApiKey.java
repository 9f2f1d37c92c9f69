package io.auditgate.auth;

import io.auditgate.tenant.Sha256;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A freshly generated API key {@code ag_<keyid>_<secret>}: 8 hex digits of id and 32 random bytes of secret,
 * base64url without padding. The plaintext is shown once; the policy keeps only {@link #keyId} and {@link #sha256}.
 * Uses only the JDK, so {@link KeyCommand} runs from plain classes.
 */
public record NewApiKey(String plaintext, String keyId, String sha256) {

    public NewApiKey {
        Objects.requireNonNull(plaintext, "plaintext");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(sha256, "sha256");
    }

    public static NewApiKey generate(SecureRandom random) {
        var id = new byte[4];
        random.nextBytes(id);
        var secret = new byte[32];
        random.nextBytes(secret);
        var keyId = HexFormat.of().formatHex(id);
        var plaintext = "ag_" + keyId + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        return new NewApiKey(plaintext, keyId, Sha256.hex(plaintext));
    }

    /** The entry to paste into the tenant's {@code api_keys}; {@code expires} may be {@code null}. */
    public String policyEntry(java.time.Instant expires) {
        var json = "{\"key_id\":\"" + keyId + "\",\"sha256\":\"" + sha256 + "\"";
        return expires == null ? json + "}" : json + ",\"expires\":\"" + expires + "\"}";
    }

    @Override
    public String toString() {
        return "NewApiKey[keyId=" + keyId + "]";
    }
}
