package io.auditgate.auth;

import io.auditgate.tenant.TenantsPolicy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.BadJWSException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.text.ParseException;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Verifies OIDC bearer tokens: signature by a key of the JWKS with an accepted asymmetric algorithm ({@code none} and
 * HMAC are never accepted), then {@link ClaimsCheck}, then the tenant claim naming a tenant of the policy. Any
 * failure is an empty answer and one INFO line {@code JWT refused: <reason>} (an unreachable JWKS is a WARNING):
 * the reason is one of a fixed set, never the token, a claim value or the library's message, which can quote
 * header fields. Thread-safe.
 */
public final class JwtVerifier {

    private static final Logger LOG = Logger.getLogger(JwtVerifier.class.getName());
    private static final JOSEObjectType ACCESS_TOKEN = new JOSEObjectType("at+jwt");

    private final DefaultJWTProcessor<VerificationTime> processor = new DefaultJWTProcessor<>();
    private final String tenantClaim;

    /** @throws IllegalArgumentException if the JWKS location is a file that cannot be read, or a malformed URL */
    public JwtVerifier(JwtSettings settings) {
        this(settings, JwksSources.of(settings.jwks(), settings.jwksTimeout(), settings.jwksProxy()));
    }

    JwtVerifier(JwtSettings settings, JWKSource<VerificationTime> keys) {
        var algorithms = settings.algorithms().stream().map(JWSAlgorithm::parse).collect(Collectors.toSet());
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT, ACCESS_TOKEN, null));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(algorithms, keys));
        processor.setJWTClaimsSetVerifier(new ClaimsCheck(settings));
        this.tenantClaim = settings.tenantClaim();
    }

    /** The caller for a valid token whose tenant claim names a tenant of {@code policy}; otherwise empty. */
    public Optional<Caller> verify(String token, TenantsPolicy policy, Instant now) {
        if (token == null || token.length() > Credentials.MAX_LENGTH) {
            return Optional.empty();
        }
        try {
            var claims = processor.process(token, new VerificationTime(now));
            var tenant = policy.tenant(claims.getStringClaim(tenantClaim));
            if (tenant.isEmpty()) {
                LOG.info("JWT refused: tenant claim missing or names no tenant of the policy");
            }
            return tenant.map(t -> new Caller(claims.getSubject(), AuthMethod.JWT, t, policy));
        } catch (KeySourceException e) {
            LOG.warning("JWT refused: signing keys unavailable (" + e.getClass().getSimpleName() + ")");
        } catch (ParseException | BadJOSEException | JOSEException e) {
            LOG.info(() -> "JWT refused: " + reason(e));
        }
        return Optional.empty();
    }

    static String reason(Exception e) {
        if (e instanceof ClaimsCheck.Refused) {
            return e.getMessage();
        }
        if (e instanceof BadJWSException) {
            return "signature invalid";
        }
        if (e instanceof BadJOSEException) {
            return "not a signed token of an accepted type and algorithm, or no key of the JWKS matches";
        }
        if (e instanceof ParseException) {
            return "malformed";
        }
        return "signature could not be checked";
    }
}
