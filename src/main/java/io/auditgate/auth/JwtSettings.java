package io.auditgate.auth;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * How OIDC bearer tokens are verified.
 *
 * @param issuer      the exact {@code iss} required
 * @param audience    a value the {@code aud} claim must contain
 * @param jwks        where the signing keys are: an {@code https://} (or {@code http://}) URL, or a local file path
 * @param algorithms  accepted JWS algorithms; asymmetric only, e.g. {@code RS256}, {@code ES256}
 * @param clockSkew   tolerance on {@code exp}, {@code nbf} and {@code iat}
 * @param tenantClaim the claim naming the caller's tenant, e.g. {@code tenant}
 * @param jwksTimeout connect and read timeout for fetching a JWKS URL
 */
public record JwtSettings(String issuer, String audience, String jwks, Set<String> algorithms, Duration clockSkew,
                          String tenantClaim, Duration jwksTimeout) {

    static final Set<String> ASYMMETRIC = Set.of("RS256", "RS384", "RS512", "PS256", "PS384", "PS512",
            "ES256", "ES384", "ES512");

    public JwtSettings {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(jwks, "jwks");
        Objects.requireNonNull(clockSkew, "clockSkew");
        Objects.requireNonNull(tenantClaim, "tenantClaim");
        Objects.requireNonNull(jwksTimeout, "jwksTimeout");
        algorithms = Set.copyOf(algorithms);
        if (issuer.isBlank() || audience.isBlank() || jwks.isBlank() || tenantClaim.isBlank()) {
            throw new IllegalArgumentException("issuer, audience, jwks and tenant claim must not be blank");
        }
        if (algorithms.isEmpty() || !ASYMMETRIC.containsAll(algorithms)) {
            throw new IllegalArgumentException("algorithms must be asymmetric JWS algorithms, e.g. RS256, ES256");
        }
        if (clockSkew.isNegative() || clockSkew.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalArgumentException("clock skew must be between 0 and 5 minutes");
        }
        if (jwksTimeout.isNegative() || jwksTimeout.isZero()) {
            throw new IllegalArgumentException("JWKS timeout must be positive");
        }
    }

    /** RS256 and ES256, 60 s of skew, 2 s JWKS timeout. */
    public static JwtSettings of(String issuer, String audience, String jwks, String tenantClaim) {
        return new JwtSettings(issuer, audience, jwks, Set.of("RS256", "ES256"), Duration.ofSeconds(60), tenantClaim,
                Duration.ofSeconds(2));
    }
}
