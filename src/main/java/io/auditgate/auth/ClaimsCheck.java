package io.auditgate.auth;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.JWTClaimsSetVerifier;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * The claims a signed token must carry: exact {@code iss}, {@code aud} containing ours, a {@code sub}, an {@code exp}
 * not passed, {@code nbf}/{@code iat} not in the future, each within the clock skew, and an {@code iat} from which
 * {@code exp} is at most the maximum lifetime away (a stolen long-lived token is refused even while unexpired).
 * Failures are {@link Refused} with a fixed reason that never quotes a claim.
 */
final class ClaimsCheck implements JWTClaimsSetVerifier<VerificationTime> {

    private final String issuer;
    private final String audience;
    private final Duration skew;
    private final Duration maxLifetime;

    ClaimsCheck(JwtSettings settings) {
        this.issuer = settings.issuer();
        this.audience = settings.audience();
        this.skew = settings.clockSkew();
        this.maxLifetime = settings.maxLifetime();
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
        require(claims.getIssueTime() != null, "issue time missing");
        require(!instant(claims.getIssueTime()).isAfter(now.plus(skew)), "issued in the future");
        require(Duration.between(instant(claims.getIssueTime()), instant(claims.getExpirationTime())).compareTo(maxLifetime) <= 0,
                "lifetime exceeds the maximum");
    }

    private static Instant instant(Date date) {
        return date.toInstant();
    }

    private static void require(boolean ok, String failure) throws BadJWTException {
        if (!ok) {
            throw new Refused(failure);
        }
    }

    /** A claim check failed; the message is one of this class's fixed reasons. */
    static final class Refused extends BadJWTException {

        private Refused(String reason) {
            super(reason);
        }
    }
}
