package io.auditgate.auth;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How OIDC bearer tokens are verified.
 *
 * @param issuer      the exact {@code iss} required
 * @param audience    a value the {@code aud} claim must contain
 * @param jwks        where the signing keys are: an {@code https://} URL, an {@code http://} URL of a loopback host
 *                    (127.0.0.0/8, {@code ::1}, {@code localhost}), or a local file path or {@code file:} URI
 * @param algorithms  accepted JWS algorithms; asymmetric only, e.g. {@code RS256}, {@code ES256}
 * @param clockSkew   tolerance on {@code exp}, {@code nbf} and {@code iat}
 * @param tenantClaim the claim naming the caller's tenant, e.g. {@code tenant}
 * @param jwksTimeout connect and read timeout for fetching a JWKS URL
 * @param maxLifetime the longest {@code exp - iat} accepted; a token without {@code iat} or {@code exp} is refused
 */
public record JwtSettings(String issuer, String audience, String jwks, Set<String> algorithms, Duration clockSkew,
                          String tenantClaim, Duration jwksTimeout, Duration maxLifetime,
                          Optional<InetSocketAddress> jwksProxy) {

    static final Set<String> ASYMMETRIC = Set.of("RS256", "RS384", "RS512", "PS256", "PS384", "PS512",
            "ES256", "ES384", "ES512");
    static final Duration DEFAULT_MAX_LIFETIME = Duration.ofHours(24);
    private static final Pattern PROXY = Pattern.compile("([A-Za-z0-9](?:[A-Za-z0-9.-]{0,252}[A-Za-z0-9])?):(\\d{1,5})");

    public JwtSettings {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(jwks, "jwks");
        Objects.requireNonNull(clockSkew, "clockSkew");
        Objects.requireNonNull(tenantClaim, "tenantClaim");
        Objects.requireNonNull(jwksProxy, "jwksProxy");
        Objects.requireNonNull(jwksTimeout, "jwksTimeout");
        Objects.requireNonNull(maxLifetime, "maxLifetime");
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
        if (maxLifetime.isNegative() || maxLifetime.isZero()) {
            throw new IllegalArgumentException("maximum token lifetime must be positive");
        }
        if (jwks.regionMatches(true, 0, "http://", 0, 7) && !loopback(jwks)) {
            throw new IllegalArgumentException("a JWKS URL must be https:// (plain http:// only for a loopback host)");
        }
    }

    /** Without a proxy: the JWKS is fetched directly. */
    public JwtSettings(String issuer, String audience, String jwks, Set<String> algorithms, Duration clockSkew,
                       String tenantClaim, Duration jwksTimeout, Duration maxLifetime) {
        this(issuer, audience, jwks, algorithms, clockSkew, tenantClaim, jwksTimeout, maxLifetime, Optional.empty());
    }

    /**
     * {@code auth.jwt.jwks-proxy}: {@code host:port} of an HTTP proxy for the JWKS fetch alone (the AWS SDK's clients
     * never use it, unlike the JVM's {@code https.proxyHost}); empty or blank for none. Not resolved here: the host is
     * looked up when the JWKS is fetched.
     *
     * @throws IllegalArgumentException if it is not a host name or IP literal, a colon and a port 1 to 65535
     */
    public static Optional<InetSocketAddress> proxy(String hostPort) {
        if (hostPort == null || hostPort.isBlank()) {
            return Optional.empty();
        }
        var matcher = PROXY.matcher(hostPort.strip());
        if (!matcher.matches() || Integer.parseInt(matcher.group(2)) < 1 || Integer.parseInt(matcher.group(2)) > 65535) {
            throw new IllegalArgumentException("auth.jwt.jwks-proxy must be host:port, e.g. proxy.internal:3128");
        }
        return Optional.of(InetSocketAddress.createUnresolved(matcher.group(1), Integer.parseInt(matcher.group(2))));
    }

    /** RS256 and ES256, 60 s of skew, 2 s JWKS timeout, tokens valid for at most 24 hours. */
    public static JwtSettings of(String issuer, String audience, String jwks, String tenantClaim) {
        return new JwtSettings(issuer, audience, jwks, Set.of("RS256", "ES256"), Duration.ofSeconds(60), tenantClaim,
                Duration.ofSeconds(2), DEFAULT_MAX_LIFETIME);
    }

    /**
     * Whether the URL's host is loopback without asking DNS: {@code localhost} by name (RFC 6761), otherwise only
     * an IP literal, which {@link InetAddress#getByName} parses without a look-up.
     */
    private static boolean loopback(String url) {
        String host;
        try {
            host = URI.create(url).getHost();
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (host == null) {
            return false;
        }
        var name = host.toLowerCase(Locale.ROOT);
        if (name.equals("localhost")) {
            return true;
        }
        if (!name.matches("\\d{1,3}(\\.\\d{1,3}){3}|\\[[0-9a-f:.]+]")) {
            return false;
        }
        try {
            return InetAddress.getByName(name).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
