package io.auditgate.request;

import io.auditgate.auth.Caller;
import io.auditgate.quota.Allowance;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One request, from the moment it arrived: created at the edge, passed to every step that needs it, never looked up
 * from a scope, so it is the same value on whatever thread finishes the request (an SDK callback, a stream). Each
 * step that learns something returns a new value ({@link #authenticated}, {@link #asking}); the only part that
 * changes in place is {@link #calls()}, a thread-safe tally of model attempts.
 *
 * @param requestId  the gateway's own id ({@link RequestIds#next()}), the audit record's {@code record_id}
 * @param startNanos {@link System#nanoTime()} at arrival, for latencies
 * @param client     the client as it presented itself, bounded ({@link ClientText})
 * @param surface    which API the request came through ({@code invoke}; {@code openai} next)
 * @param method     the HTTP method, bounded ({@link ClientText#method})
 * @param path       the request path, bounded ({@link ClientText#path}: a route the gateway serves, else its hash)
 * @param caller     the authenticated caller with the tenants-policy snapshot that governs the request
 * @param model      the requested model id, bounded by {@link ClientText#MODEL}
 * @param ignoredFields the request fields the endpoint ignored, names only, as the endpoint bounded them
 * @param allowance  what the tenant's limits and budgets allowed (a metered tenant's request once it was checked)
 */
public record Exchange(String requestId, Instant receivedAt, long startNanos, Client client, String surface,
                       String method, String path, Optional<Caller> caller, Optional<String> model, ModelCalls calls,
                       List<String> ignoredFields, Optional<Allowance> allowance) {

    public Exchange(String requestId, Instant receivedAt, long startNanos, Client client, String surface,
                    String method, String path, Optional<Caller> caller, Optional<String> model, ModelCalls calls,
                    List<String> ignoredFields) {
        this(requestId, receivedAt, startNanos, client, surface, method, path, caller, model, calls, ignoredFields,
                Optional.empty());
    }

    public Exchange {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(surface, "surface");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(calls, "calls");
        ignoredFields = List.copyOf(ignoredFields);
        Objects.requireNonNull(allowance, "allowance");
    }

    /** A request that just arrived through {@code surface} as {@code method} {@code path}, with a new id. */
    public static Exchange arrived(String surface, String method, String path, Client client) {
        return new Exchange(RequestIds.next(), Instant.now(), System.nanoTime(), client, surface,
                ClientText.method(method), ClientText.path(path), Optional.empty(), Optional.empty(), new ModelCalls(),
                List.of());
    }

    public Exchange authenticated(Caller who) {
        return new Exchange(requestId, receivedAt, startNanos, client, surface, method, path, Optional.of(who), model,
                calls, ignoredFields, allowance);
    }

    /** The model the request asks for; kept if of {@link ClientText#MODEL}'s shape, else as its hash. */
    public Exchange asking(String modelId) {
        var bounded = modelId == null ? null : ClientText.identifier(modelId, ClientText.MODEL).text();
        return new Exchange(requestId, receivedAt, startNanos, client, surface, method, path, caller,
                Optional.ofNullable(bounded), calls, ignoredFields, allowance);
    }

    /** The request fields the endpoint ignored (names it already bounded), for the record. */
    public Exchange ignoring(List<String> fields) {
        return new Exchange(requestId, receivedAt, startNanos, client, surface, method, path, caller, model, calls,
                fields, allowance);
    }

    /** What the tenant's limits and budgets allowed this request (admitted or refused). */
    public Exchange allowed(Allowance decided) {
        return new Exchange(requestId, receivedAt, startNanos, client, surface, method, path, caller, model, calls,
                ignoredFields, Optional.of(decided));
    }

    public long elapsedNanos() {
        return System.nanoTime() - startNanos;
    }

    /** Milliseconds since the request arrived. */
    public long elapsedMillis() {
        return elapsedNanos() / 1_000_000;
    }

    /**
     * The client as the request's headers present it; only bounded forms are kept ({@link ClientText}).
     *
     * @param echoedRequestId the client's {@code X-Request-Id} when it is a sane token, for the answer's
     *                        {@link RequestIds#CLIENT_HEADER} only
     * @param retries         the client's own count of retries of this request ({@code X-Stainless-Retry-Count},
     *                        as the OpenAI SDKs send it), when it is a number from 0 to {@value #MAX_RETRIES}
     */
    public record Client(String address, Optional<ClientText.Value> userAgent, Optional<ClientText.Value> requestId,
                         Optional<String> echoedRequestId, Optional<Integer> retries) {

        public static final String RETRY_COUNT_HEADER = "X-Stainless-Retry-Count";
        static final int MAX_RETRIES = 1000;

        public Client {
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(userAgent, "userAgent");
            Objects.requireNonNull(requestId, "requestId");
            Objects.requireNonNull(echoedRequestId, "echoedRequestId");
            Objects.requireNonNull(retries, "retries");
        }

        /** From the raw values as sent (any may be null); only their bounded forms are kept. */
        public static Client of(String address, String userAgent, String clientRequestId) {
            return of(address, userAgent, clientRequestId, null);
        }

        /** As {@link #of(String, String, String)}, with the client's retry count header as sent (may be null). */
        public static Client of(String address, String userAgent, String clientRequestId, String retryCount) {
            var echoed = RequestIds.echo(clientRequestId);
            return new Client(address == null || address.length() > 64 ? "unknown" : address,
                    Optional.ofNullable(userAgent).map(ClientText::header),
                    Optional.ofNullable(clientRequestId)
                            .map(id -> echoed.isPresent() ? ClientText.header(id) : ClientText.hashed(id)),
                    echoed, retries(retryCount));
        }

        /** A count of at most four digits up to {@value #MAX_RETRIES}; anything else is not kept. */
        private static Optional<Integer> retries(String header) {
            if (header == null || !header.matches("[0-9]{1,4}")) {
                return Optional.empty();
            }
            var count = Integer.parseInt(header);
            return count <= MAX_RETRIES ? Optional.of(count) : Optional.empty();
        }
    }
}
