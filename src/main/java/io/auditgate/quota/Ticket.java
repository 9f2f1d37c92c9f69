package io.auditgate.quota;

import java.util.Objects;

/**
 * One request's claim on its tenant's buckets.
 *
 * @param id              unique per request (the request id)
 * @param key             the API key id, empty for a caller without one (JWT)
 * @param expiresAtMillis when the reservation lapses if never settled (its member died): the request's deadline and a
 *                        margin
 */
record Ticket(String tenant, String id, String key, Demand demand, long expiresAtMillis) {

    Ticket {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(demand, "demand");
    }
}
