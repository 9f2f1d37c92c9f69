package io.auditgate.quota;

import java.util.Objects;
import java.util.Optional;

/**
 * The ledger's answer to a reservation: admitted, or refused by the first limit it would break with the seconds after
 * which a retry can succeed; either way where the tenant and key stand.
 */
public record Verdict(Optional<Limit> refusedBy, long retryAfterSeconds, Standing standing) {

    public Verdict {
        Objects.requireNonNull(refusedBy, "refusedBy");
        Objects.requireNonNull(standing, "standing");
    }

    static Verdict admitted(Standing standing) {
        return new Verdict(Optional.empty(), 0, standing);
    }

    static Verdict refused(Limit limit, long retryAfterSeconds) {
        return new Verdict(Optional.of(limit), retryAfterSeconds, Standing.NONE);
    }

    public boolean admitted() {
        return refusedBy.isEmpty();
    }

    Verdict withStatus(Standing now) {
        return new Verdict(refusedBy, retryAfterSeconds, now);
    }

    /** As the grid returns it: JDK types only. */
    long[] toArray() {
        var standing = this.standing.toArray();
        var values = new long[2 + standing.length];
        values[0] = refusedBy.map(Limit::ordinal).orElse(-1);
        values[1] = retryAfterSeconds;
        System.arraycopy(standing, 0, values, 2, standing.length);
        return values;
    }

    static Verdict of(long[] values) {
        var limit = values[0] < 0 ? Optional.<Limit>empty() : Optional.of(Limit.values()[(int) values[0]]);
        return new Verdict(limit, values[1], Standing.of(values, 2));
    }
}
