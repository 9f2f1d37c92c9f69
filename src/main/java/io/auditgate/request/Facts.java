package io.auditgate.request;

import io.auditgate.problem.ProblemType;
import java.time.Instant;
import java.util.Optional;

/**
 * What an audit record needs of one request: identifiers, times and counts, no unbounded or unscreened text.
 *
 * @param requestId       the gateway's id of this request: the record's {@code record_id}
 * @param clientRequestId the client's {@code X-Request-Id}, PII-masked, or the hash of an unsafe one
 */
public record Facts(String requestId, Instant receivedAt, String clientAddress, Optional<String> userAgent,
                    Optional<String> clientRequestId, Optional<String> tenant, Optional<String> principal,
                    Optional<String> authMethod, Optional<String> model, Optional<Instant> modelCallStart,
                    Optional<Instant> modelCallEnd, int attempts, long upstreamMillis, long totalMillis,
                    Optional<ProblemType> problem) {

    /**
     * The request in progress, as the audit trail reads it: its id and a snapshot of its facts. Telemetry's
     * request-scoped trace implements it, so that {@code audit} reads the request without depending on
     * {@code telemetry}.
     */
    public interface Source {
        String requestId();

        Facts facts();
    }
}
