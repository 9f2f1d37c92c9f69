package io.auditgate.request;

import io.auditgate.auth.AuthMethod;
import io.auditgate.problem.ProblemType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What an audit record needs of one request: identifiers, times and counts, no unbounded or unscreened text.
 *
 * @param requestId       the gateway's id of this request: the record's {@code record_id}
 * @param clientRequestId the client's {@code X-Request-Id}, PII-masked, or the hash of an unsafe one
 * @param api             the surface the request came through, the fields it ignored, the client's retry count
 * @param tried           every model attempt in order (retries and fallbacks), {@code attempts} of them
 * @param forwarded       the caller behind a trusted proxy, or that a sender's forwarding headers were ignored
 */
public record Facts(String requestId, Instant receivedAt, String clientAddress, Optional<String> userAgent,
                    Optional<String> clientRequestId, Optional<String> tenant, Optional<String> principal,
                    Optional<String> authMethod, Optional<String> model, Optional<Instant> modelCallStart,
                    Optional<Instant> modelCallEnd, int attempts, long upstreamMillis, long totalMillis,
                    Optional<ProblemType> problem, Optional<ApiUse> api, List<Attempt> tried, Forwarded forwarded) {

    public Facts {
        tried = List.copyOf(tried);
        java.util.Objects.requireNonNull(forwarded, "forwarded");
    }

    /** Facts without forwarding (no proxy in front, tests). */
    public Facts(String requestId, Instant receivedAt, String clientAddress, Optional<String> userAgent,
                 Optional<String> clientRequestId, Optional<String> tenant, Optional<String> principal,
                 Optional<String> authMethod, Optional<String> model, Optional<Instant> modelCallStart,
                 Optional<Instant> modelCallEnd, int attempts, long upstreamMillis, long totalMillis,
                 Optional<ProblemType> problem, Optional<ApiUse> api, List<Attempt> tried) {
        this(requestId, receivedAt, clientAddress, userAgent, clientRequestId, tenant, principal, authMethod, model,
                modelCallStart, modelCallEnd, attempts, upstreamMillis, totalMillis, problem, api, tried, Forwarded.NONE);
    }

    /** Facts without the attempts' details (tests). */
    public Facts(String requestId, Instant receivedAt, String clientAddress, Optional<String> userAgent,
                 Optional<String> clientRequestId, Optional<String> tenant, Optional<String> principal,
                 Optional<String> authMethod, Optional<String> model, Optional<Instant> modelCallStart,
                 Optional<Instant> modelCallEnd, int attempts, long upstreamMillis, long totalMillis,
                 Optional<ProblemType> problem, Optional<ApiUse> api, Forwarded forwarded) {
        this(requestId, receivedAt, clientAddress, userAgent, clientRequestId, tenant, principal, authMethod, model,
                modelCallStart, modelCallEnd, attempts, upstreamMillis, totalMillis, problem, api, List.of(), forwarded);
    }

    /** Facts without the attempts' details and forwarding (tests). */
    public Facts(String requestId, Instant receivedAt, String clientAddress, Optional<String> userAgent,
                 Optional<String> clientRequestId, Optional<String> tenant, Optional<String> principal,
                 Optional<String> authMethod, Optional<String> model, Optional<Instant> modelCallStart,
                 Optional<Instant> modelCallEnd, int attempts, long upstreamMillis, long totalMillis,
                 Optional<ProblemType> problem, Optional<ApiUse> api) {
        this(requestId, receivedAt, clientAddress, userAgent, clientRequestId, tenant, principal, authMethod, model,
                modelCallStart, modelCallEnd, attempts, upstreamMillis, totalMillis, problem, api, List.of(),
                Forwarded.NONE);
    }

    /** Facts without the API use (records that predate it, tests). */
    public Facts(String requestId, Instant receivedAt, String clientAddress, Optional<String> userAgent,
                 Optional<String> clientRequestId, Optional<String> tenant, Optional<String> principal,
                 Optional<String> authMethod, Optional<String> model, Optional<Instant> modelCallStart,
                 Optional<Instant> modelCallEnd, int attempts, long upstreamMillis, long totalMillis,
                 Optional<ProblemType> problem) {
        this(requestId, receivedAt, clientAddress, userAgent, clientRequestId, tenant, principal, authMethod, model,
                modelCallStart, modelCallEnd, attempts, upstreamMillis, totalMillis, problem, Optional.empty());
    }

    /**
     * The facts of {@code exchange}: the caller's tenant and principal (a key id, or a JWT subject outside
     * {@link ClientText#PRINCIPAL} as its hash); the client's header text only for an authenticated request (an
     * unauthenticated one keeps only the hash of an oversized or unsafe header).
     */
    public static Facts of(Exchange exchange, ModelCalls.Summary calls, Optional<ProblemType> problem, long totalMillis) {
        var caller = exchange.caller();
        var client = exchange.client();
        var authenticated = caller.isPresent();
        return new Facts(exchange.requestId(), exchange.receivedAt(), client.address(),
                kept(client.userAgent(), authenticated), kept(client.requestId(), authenticated),
                caller.map(c -> c.tenantId()),
                caller.map(c -> ClientText.identifier(c.principal(), ClientText.PRINCIPAL).text()),
                caller.map(c -> c.authMethod() == AuthMethod.JWT ? "jwt" : "api_key"), exchange.model(),
                calls.start(), calls.end(), calls.attempts(), calls.upstreamMillis(), totalMillis, problem,
                Optional.of(new ApiUse(exchange.surface(), exchange.ignoredFields(), client.retries(),
                        exchange.operation())), calls.tried(), client.forwarded());
    }

    /** What an audit record's {@code begin} entry cites: the request as it stands before the model is called. */
    public static Facts of(Exchange exchange) {
        return of(exchange, ModelCalls.Summary.NONE, Optional.empty(), exchange.elapsedMillis());
    }

    private static Optional<String> kept(Optional<ClientText.Value> value, boolean authenticated) {
        return value.filter(v -> authenticated || v.hashed()).map(ClientText.Value::text);
    }
}
