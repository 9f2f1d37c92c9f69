package io.auditgate.auth;

import com.nimbusds.jose.proc.SecurityContext;
import java.time.Instant;
import java.util.Objects;

/** The instant a token is judged at, carried through Nimbus to {@link ClaimsCheck} so tests control time. */
record VerificationTime(Instant now) implements SecurityContext {

    VerificationTime {
        Objects.requireNonNull(now, "now");
    }
}
