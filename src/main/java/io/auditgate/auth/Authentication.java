package io.auditgate.auth;

import io.auditgate.problem.GatewayException;
import io.auditgate.problem.ProblemType;
import io.auditgate.tenant.Tenants;
import io.auditgate.tenant.TenantsPolicy;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Deny by default: a request must prove a tenant with an API key ({@code x-api-key} or
 * {@code Authorization: Bearer ag_...}) or, when {@code auth.jwt.issuer} is set, an OIDC JWT, before its body is
 * read. The credential is checked against one snapshot of the tenants policy, which the {@link Caller} keeps. Every
 * kind of failure gets the same 401, so the answer never says which part of a credential was wrong.
 */
@ApplicationScoped
public class Authentication {

    private static final Logger LOG = Logger.getLogger(Authentication.class.getName());

    @Inject
    Tenants tenants;

    @Inject
    @ConfigProperty(name = "auth.jwt.issuer")
    Optional<String> jwtIssuer;

    @Inject
    @ConfigProperty(name = "auth.jwt.audience", defaultValue = "auditgate")
    String jwtAudience;

    @Inject
    @ConfigProperty(name = "auth.jwt.jwks")
    Optional<String> jwtJwks;

    @Inject
    @ConfigProperty(name = "auth.jwt.tenant-claim", defaultValue = "tenant")
    String jwtTenantClaim;

    @Inject
    @ConfigProperty(name = "auth.jwt.algorithms", defaultValue = "RS256,ES256")
    Set<String> jwtAlgorithms;

    @Inject
    @ConfigProperty(name = "auth.jwt.clock-skew", defaultValue = "PT60S")
    Duration jwtClockSkew;

    @Inject
    @ConfigProperty(name = "auth.jwt.jwks-timeout", defaultValue = "PT2S")
    Duration jwtJwksTimeout;

    @Inject
    @ConfigProperty(name = "auth.jwt.max-lifetime", defaultValue = "PT24H")
    Duration jwtMaxLifetime;

    /** host:port of an HTTP proxy for the JWKS fetch alone (docs/deploy.md); absent: fetched directly. */
    @Inject
    @ConfigProperty(name = "auth.jwt.jwks-proxy")
    Optional<String> jwtJwksProxy;

    private Optional<JwtVerifier> jwt = Optional.empty();
    /** The key index of the last policy version seen; rebuilt once per version (a reload makes a new one). */
    private volatile ApiKeys keys;

    /** For CDI. */
    public Authentication() {
    }

    /** Wired by hand (flow tests): API keys of {@code tenants}' policy, no JWT. */
    public Authentication(Tenants tenants) {
        this.tenants = tenants;
    }

    @PostConstruct
    void configure() {
        jwt = jwtIssuer.map(issuer -> new JwtVerifier(new JwtSettings(issuer, jwtAudience,
                jwtJwks.orElseThrow(() -> new IllegalStateException("auth.jwt.jwks is required with auth.jwt.issuer")),
                jwtAlgorithms, jwtClockSkew, jwtTenantClaim, jwtJwksTimeout, jwtMaxLifetime,
                JwtSettings.proxy(jwtJwksProxy.orElse("")))));
        LOG.info(() -> "Authentication: API keys; JWT " + (jwt.isPresent() ? "enabled" : "disabled"));
    }

    /** The proved caller with the policy snapshot it was checked against; 401 {@code unauthenticated} otherwise. */
    public Caller authenticate(Credential credential) {
        return authenticate(credential, tenants.current(), Instant.now())
                .orElseThrow(() -> new GatewayException(ProblemType.UNAUTHENTICATED,
                        "Missing or invalid credentials: send a tenant API key in x-api-key, or a bearer token."));
    }

    /** The caller the credential proves against {@code policy}, or empty for any kind of failure. */
    Optional<Caller> authenticate(Credential credential, TenantsPolicy policy, Instant now) {
        return switch (credential.kind()) {
            case API_KEY -> keysOf(policy).authenticate(credential.value(), now);
            case JWT -> jwt.flatMap(verifier -> verifier.verify(credential.value(), policy, now));
            default -> Optional.empty();
        };
    }

    private ApiKeys keysOf(TenantsPolicy policy) {
        var current = keys;
        if (current == null || current.policy() != policy) {
            current = new ApiKeys(policy);
            keys = current;
        }
        return current;
    }
}
