package io.auditgate.auth;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.JWTClaimsSetVerifier;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * The claims a signed token must carry: exact {@code iss}, {@code aud} containing ours, a {@code sub}, an {@code exp}
 * not passed, and {@code nbf}/{@code iat} not in the future, each within the clock skew.
 */
final class ClaimsCheck implements JWTClaimsSetVerifier<VerificationTime> {

    private final String issuer;
    private final String audience;
    private final Duration skew;

    ClaimsCheck(JwtSettings settings) {
        this.issuer = settings.issuer();
        this.audience = settings.audience();
        this.skew = settings.clockSkew();
    }

    @Override
    public void verify(JWTClaimsSet claims, VerificationTime context) throws BadJWTException {
        var now = context.now();
        require(issuer.equals(claims.getIssuer()), "issuer");
        require(claims.getAudience() != null && claims.getAudience().contains(audience), "audience");
        require(claims.getSubject() != null && !claims.getSubject().isBlank(), "subject");
        require(claims.getExpirationTime() != null, "expiry missing");
        require(now.isBefore(instant(claims.getExpirationTime()).plus(skew)), "expired");
        require(claims.getNotBeforeTime() == null || !instant(claims.getNotBeforeTime()).isAfter(now.plus(skew)), "not yet valid");
        require(claims.getIssueTime() == null || !instant(claims.getIssueTime()).isAfter(now.plus(skew)), "issued in the future");
    }

    private static Instant instant(Date date) {
        return date.toInstant();
    }

    private static void require(boolean ok, String failure) throws BadJWTException {
        if (!ok) {
            throw new BadJWTException("JWT claims rejected: " + failure);
        }
    }
}
