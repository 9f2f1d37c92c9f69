package io.auditgate.auth;

import io.auditgate.guardrail.GuardrailProfile;
import io.auditgate.guardrail.GuardrailProfiles;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The tenants policy in force and the ways in: API keys from {@code tenants.policy-file} (a file, or
 * {@code classpath:local/tenants.json} for the demo policy shipped in the WAR; loaded at start-up, where an invalid
 * policy stops deployment; a file is re-read every {@code tenants.reload-interval}, where an invalid new version is
 * rejected and the old one kept) and, when {@code auth.jwt.issuer} is set, OIDC JWT bearer tokens.
 */
@ApplicationScoped
public class Tenants {

    private static final Logger LOG = Logger.getLogger(Tenants.class.getName());

    @Inject
    @ConfigProperty(name = "tenants.policy-file")
    String policyFile;

    @Inject
    @ConfigProperty(name = "tenants.reload-interval", defaultValue = "PT10S")
    Duration reloadInterval;

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

    private PolicyHolder holder;
    private PolicyWatcher watcher;
    private Optional<JwtVerifier> jwt = Optional.empty();

    @PostConstruct
    void load() {
        holder = refuseToStartUnless(() -> new PolicyHolder(PolicyLocation.of(policyFile)));
        if (holder.location().changes()) {
            watcher = new PolicyWatcher(holder, reloadInterval);
            watcher.start();
        }
        jwt = jwtIssuer.map(issuer -> new JwtVerifier(new JwtSettings(issuer, jwtAudience,
                jwtJwks.orElseThrow(() -> new IllegalStateException("auth.jwt.jwks is required with auth.jwt.issuer")),
                jwtAlgorithms, jwtClockSkew, jwtTenantClaim, jwtJwksTimeout, jwtMaxLifetime)));
        var policy = holder.policy();
        LOG.info(() -> "Tenants policy version " + policy.version() + " loaded from " + policyFile + " ("
                + policy.tenants().size() + " tenants, sha256 " + policy.fingerprint() + "); JWT "
                + (jwt.isPresent() ? "enabled" : "disabled"));
    }

    /** Loads the policy at deployment rather than at the first request. */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        holder.policy();
    }

    /**
     * An invalid or unreadable policy stops the whole process (exit status 3) rather than leaving Payara Micro
     * running with no gateway deployed, which a load balancer could mistake for a healthy instance.
     */
    private PolicyHolder refuseToStartUnless(java.util.function.Supplier<PolicyHolder> load) {
        try {
            return load.get();
        } catch (RuntimeException e) {
            var reason = e instanceof InvalidPolicyException ? e.getMessage() : e.getClass().getSimpleName();
            LOG.severe("AuditGate refuses to start: tenants policy " + policyFile + " is not usable: " + reason);
            new Thread(() -> System.exit(3), "auditgate-refuse-start").start();
            throw e;
        }
    }

    /** The caller the credential proves, or empty for any kind of failure (the caller answers one uniform 401). */
    Optional<Caller> authenticate(Credential credential, Instant now) {
        var keys = holder.apiKeys();
        return switch (credential.kind()) {
            case API_KEY -> keys.authenticate(credential.value(), now);
            case JWT -> jwt.flatMap(verifier -> verifier.verify(credential.value(), keys.policy(), now));
            default -> Optional.empty();
        };
    }

    /** The caller's screening profile; {@code strict} if a reload removed it since the caller was authenticated. */
    public GuardrailProfile profileFor(Caller caller) {
        return Optional.ofNullable(holder.policy().profiles().get(caller.guardrailProfile())).orElse(GuardrailProfiles.STRICT);
    }

    /** SHA-256 of the policy file in force: audit records say which policy applied. */
    public String fingerprint() {
        return holder.policy().fingerprint();
    }

    @PreDestroy
    void stop() {
        if (watcher != null) {
            watcher.close();
        }
    }
}
