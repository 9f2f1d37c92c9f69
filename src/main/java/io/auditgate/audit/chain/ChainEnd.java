package io.auditgate.audit.chain;

import jakarta.json.JsonObject;

/**
 * A digest's optional {@code chain_end} member: the instance stopped cleanly, every record up to {@code lastSeq}
 * (0: it never wrote one) is in the store and listed by this digest or an earlier one, and the journal took nothing
 * after it. Without it, an instance that never comes back (terminated, killed) may have lost a tail of records the
 * trail cannot show: the verifier reports such a chain as unterminated. A later start continues the chain, so only
 * the newest digest's mark counts.
 */
public record ChainEnd(long lastSeq) {

    public ChainEnd {
        if (lastSeq < 0) {
            throw new IllegalArgumentException("bad chain end seq " + lastSeq);
        }
    }

    JsonObject toJson() {
        return Json.object().add("last_seq", lastSeq).build();
    }

    static ChainEnd from(JsonObject json) {
        return new ChainEnd(Json.number(json, "last_seq"));
    }
}
