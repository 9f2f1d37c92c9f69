package io.auditgate.auth;

import io.auditgate.tenant.Tenant;
import io.auditgate.tenant.TenantLimits;
import io.auditgate.tenant.TenantsPolicy;
import static io.auditgate.tenant.PolicyJson.HAIKU;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class JwtVerifierTest {

    static final String ISSUER = "https://login.example-bank.test/realms/ai";
    static final String AUDIENCE = "auditgate";
    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    static final RSAKey RSA = generateRsa("rsa-1");
    static final ECKey EC = generateEc();
    static final TenantsPolicy POLICY = new TenantsPolicy(1, List.of(
            new Tenant("acme", List.of(), Set.of(HAIKU), "strict", new TenantLimits(100, 10))), "0".repeat(64));

    private final JwtVerifier verifier = new JwtVerifier(settings(Set.of("RS256", "ES256"), "unused"),
            new ImmutableJWKSet<>(new JWKSet(List.<JWK>of(RSA.toPublicJWK(), EC.toPublicJWK()))));

    static JwtSettings settings(Set<String> algorithms, String jwks) {
        return new JwtSettings(ISSUER, AUDIENCE, jwks, algorithms, Duration.ofSeconds(60), "tenant", Duration.ofMillis(500),
                Duration.ofHours(1));
    }

    static RSAKey generateRsa(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ECKey generateEc() {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static JWTClaimsSet.Builder validClaims() {
        return new JWTClaimsSet.Builder().issuer(ISSUER).audience(List.of(AUDIENCE, "other")).subject("alice@acme")
                .issueTime(Date.from(NOW.minusSeconds(10))).notBeforeTime(Date.from(NOW.minusSeconds(10)))
                .expirationTime(Date.from(NOW.plusSeconds(300))).claim("tenant", "acme");
    }

    static String rsaToken(RSAKey key, UnaryOperator<JWTClaimsSet.Builder> claims) {
        try {
            var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(),
                    claims.apply(validClaims()).build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String rsaToken(UnaryOperator<JWTClaimsSet.Builder> claims) {
        return rsaToken(RSA, claims);
    }

    @Test
    void aValidRsaTokenBecomesACallerOfItsTenant() {
        var caller = verifier.verify(rsaToken(c -> c), POLICY, NOW);

        assertThat(caller).contains(new Caller("alice@acme", AuthMethod.JWT, POLICY.tenant("acme").orElseThrow(), POLICY));
    }

    @Test
    void aValidEcTokenIsAccepted() throws Exception {
        var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("ec-1").build(), validClaims().build());
        jwt.sign(new ECDSASigner(EC));

        assertThat(verifier.verify(jwt.serialize(), POLICY, NOW)).isPresent();
    }

    @Test
    void anExpiredTokenIsRefusedBeyondTheClockSkew() {
        var token = rsaToken(c -> c.expirationTime(Date.from(NOW.minusSeconds(30))));

        assertThat(verifier.verify(token, POLICY, NOW)).isPresent();
        assertThat(verifier.verify(token, POLICY, NOW.plusSeconds(31))).isEmpty();
    }

    @Test
    void aTokenWithoutExpiryIsRefused() {
        assertThat(verifier.verify(rsaToken(c -> c.expirationTime(null)), POLICY, NOW)).isEmpty();
    }

    @Test
    void aTokenNotYetValidOrIssuedInTheFutureIsRefused() {
        assertThat(verifier.verify(rsaToken(c -> c.notBeforeTime(Date.from(NOW.plusSeconds(120)))), POLICY, NOW)).isEmpty();
        assertThat(verifier.verify(rsaToken(c -> c.issueTime(Date.from(NOW.plusSeconds(120)))), POLICY, NOW)).isEmpty();
    }

    @Test
    void aTokenFromAnotherIssuerIsRefused() {
        assertThat(verifier.verify(rsaToken(c -> c.issuer("https://evil.test/")), POLICY, NOW)).isEmpty();
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        assertThat(verifier.verify(rsaToken(c -> c.audience("someone-else")), POLICY, NOW)).isEmpty();
    }

    @Test
    void aTokenWithoutSubjectIsRefused() {
        assertThat(verifier.verify(rsaToken(c -> c.subject(null)), POLICY, NOW)).isEmpty();
    }

    @Test
    void aTokenSignedByAnotherKeyIsRefused() {
        assertThat(verifier.verify(rsaToken(generateRsa("rsa-1"), c -> c), POLICY, NOW)).isEmpty();
    }

    @Test
    void aTamperedPayloadIsRefused() {
        var parts = rsaToken(c -> c).split("\\.");
        var other = rsaToken(c -> c.claim("tenant", "other")).split("\\.");

        assertThat(verifier.verify(parts[0] + "." + other[1] + "." + parts[2], POLICY, NOW)).isEmpty();
    }

    @Test
    void anUnsignedTokenWithAlgNoneIsRefused() {
        assertThat(verifier.verify(new PlainJWT(validClaims().build()).serialize(), POLICY, NOW)).isEmpty();
    }

    @Test
    void anHmacTokenKeyedWithThePublicKeyIsRefused() throws Exception {
        var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("rsa-1").build(), validClaims().build());
        jwt.sign(new MACSigner(RSA.toPublicJWK().toRSAPublicKey().getEncoded()));

        assertThat(verifier.verify(jwt.serialize(), POLICY, NOW)).isEmpty();
    }

    @Test
    void anAlgorithmThatIsNotConfiguredIsRefused() {
        var ecOnly = new JwtVerifier(settings(Set.of("ES256"), "unused"), new ImmutableJWKSet<>(new JWKSet(RSA.toPublicJWK())));

        assertThat(ecOnly.verify(rsaToken(c -> c), POLICY, NOW)).isEmpty();
    }

    @Test
    void aTenantThatIsNotInThePolicyIsRefused() {
        assertThat(verifier.verify(rsaToken(c -> c.claim("tenant", "globex")), POLICY, NOW)).isEmpty();
    }

    @Test
    void aTokenWithoutTheTenantClaimIsRefused() {
        assertThat(verifier.verify(rsaToken(c -> c.claim("tenant", null)), POLICY, NOW)).isEmpty();
        assertThat(verifier.verify(rsaToken(c -> c.claim("tenant", List.of("acme"))), POLICY, NOW)).isEmpty();
    }

    @Test
    void garbageIsRefusedWithoutThrowing() {
        for (var token : new String[] {null, "", "a.b.c", "x".repeat(20_000)}) {
            assertThat(verifier.verify(token, POLICY, NOW)).isEmpty();
        }
    }

    @Test
    void aTokenLivingLongerThanTheMaximumLifetimeIsRefused() {
        var issued = NOW.minusSeconds(10);

        assertThat(verifier.verify(rsaToken(c -> c.issueTime(Date.from(issued))
                .expirationTime(Date.from(issued.plus(Duration.ofHours(1))))), POLICY, NOW)).isPresent();
        assertThat(verifier.verify(rsaToken(c -> c.issueTime(Date.from(issued))
                .expirationTime(Date.from(issued.plus(Duration.ofHours(1)).plusSeconds(1)))), POLICY, NOW)).isEmpty();
    }

    @Test
    void aTokenWithoutIssueTimeIsRefused() {
        assertThat(verifier.verify(rsaToken(c -> c.issueTime(null)), POLICY, NOW)).isEmpty();
    }

    @Test
    void theReasonForARefusalIsLoggedWithoutTheToken() {
        var token = rsaToken(c -> c.expirationTime(Date.from(NOW.plus(Duration.ofDays(30)))));
        var logged = new ArrayList<LogRecord>();
        var handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        var logger = Logger.getLogger(JwtVerifier.class.getName());
        logger.addHandler(handler);
        try {
            assertThat(verifier.verify(token, POLICY, NOW)).isEmpty();
            assertThat(verifier.verify("eyJhbGciOiJSUzI1NiJ9.e30.c2ln", POLICY, NOW)).isEmpty();
        } finally {
            logger.removeHandler(handler);
        }

        assertThat(logged).extracting(LogRecord::getLevel).containsOnly(Level.INFO);
        assertThat(logged).extracting(LogRecord::getMessage).hasSize(2)
                .first().isEqualTo("JWT refused: lifetime exceeds the maximum");
        assertThat(logged).extracting(LogRecord::getMessage).allSatisfy(message -> assertThat(message)
                .startsWith("JWT refused: ").doesNotContain(token).doesNotContain("eyJ").doesNotContain("alice"));
    }
}
