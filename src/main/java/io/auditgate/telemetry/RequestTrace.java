package io.auditgate.telemetry;

import io.auditgate.problem.Outcome;
import io.auditgate.problem.ProblemType;
import io.auditgate.request.Facts;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What one request did, as the request log and metrics need it: filled in by the steps that know each fact,
 * read once by {@link RequestTelemetry}. It holds identifiers, counts and timings only, never request text:
 * whatever a client chose (User-Agent, its request id, the model id, a JWT subject) is bounded by
 * {@link ClientText} as it is set, and a request that never authenticated yields no client header text at all
 * (only the hash of one that was oversized or unsafe). One per request: {@link RequestTelemetry#trace()}
 * produces it into the request scope.
 */
public class RequestTrace implements Facts.Source {

    private String requestId;
    private long startNanos;
    private Instant receivedAt;
    private String clientAddress;
    private ClientText.Value userAgent;
    private ClientText.Value clientRequestId;
    private String echoedRequestId;
    private String authMethod;
    private Instant modelCallStart;
    private Instant modelCallEnd;
    private String tenant;
    private String principal;
    private String model;
    private int attempts;
    private long upstreamNanos;
    private Integer inputTokens;
    private Integer outputTokens;
    private String guardrailStatus;
    private Map<String, String> metadata = Map.of();
    private ProblemType problem;

    void begin(String id, long nanos) {
        this.requestId = id;
        this.startNanos = nanos;
        this.receivedAt = Instant.now();
    }

    /** The client's address and headers as sent; only their bounded forms are kept (see {@link ClientText}). */
    void client(String address, String agent, String clientId) {
        this.clientAddress = address == null || address.length() > 64 ? "unknown" : address;
        this.userAgent = agent == null ? null : ClientText.header(agent);
        this.echoedRequestId = RequestIds.echo(clientId).orElse(null);
        this.clientRequestId = clientId == null ? null
                : echoedRequestId != null ? ClientText.header(clientId) : ClientText.hashed(clientId);
    }

    /** What audit records need of this request: identifiers, times, counts; no unbounded or unscreened text. */
    @Override
    public Facts facts() {
        return new Facts(requestId, receivedAt, Optional.ofNullable(clientAddress).orElse("unknown"),
                userAgent(), clientRequestId(), tenant(), principal(), Optional.ofNullable(authMethod), model(),
                Optional.ofNullable(modelCallStart), Optional.ofNullable(modelCallEnd), attempts,
                upstreamNanos / 1_000_000, (System.nanoTime() - startNanos) / 1_000_000, problem());
    }

    @Override
    public String requestId() {
        return requestId;
    }

    long startNanos() {
        return startNanos;
    }

    /** Milliseconds since the request arrived. */
    public long elapsedMillis() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    /**
     * The authenticated tenant and principal (a key id or JWT subject, never a secret; a subject outside
     * {@link ClientText#PRINCIPAL} is kept as its hash).
     */
    public void caller(String tenantId, String principalId, String method) {
        this.tenant = tenantId;
        this.principal = ClientText.identifier(principalId, ClientText.PRINCIPAL).text();
        this.authMethod = method;
    }

    /** Authenticated requests keep the bounded header; the others only the hash of an oversized or unsafe one. */
    private Optional<String> kept(ClientText.Value value) {
        return Optional.ofNullable(value).filter(v -> authMethod != null || v.hashed()).map(ClientText.Value::text);
    }

    Optional<String> userAgent() {
        return kept(userAgent);
    }

    Optional<String> clientRequestId() {
        return kept(clientRequestId);
    }

    /** The client's own request id, for the answer's {@link RequestIds#CLIENT_HEADER} only. */
    Optional<String> echoedRequestId() {
        return Optional.ofNullable(echoedRequestId);
    }

    Optional<String> tenant() {
        return Optional.ofNullable(tenant);
    }

    Optional<String> principal() {
        return Optional.ofNullable(principal);
    }

    /** The requested model id, kept if it is of {@link ClientText#MODEL}'s shape, else as its hash. */
    public void model(String modelId) {
        this.model = ClientText.identifier(modelId, ClientText.MODEL).text();
    }

    /** Client metadata as the guardrails screened it (keys and values PII-masked). */
    public void metadata(Map<String, String> values) {
        this.metadata = Map.copyOf(values);
    }

    /** Counts one upstream attempt and the time it took. */
    public void attempt(long nanos) {
        attempts++;
        upstreamNanos += nanos;
        modelCallEnd = Instant.now();
        if (modelCallStart == null) {
            modelCallStart = modelCallEnd.minusNanos(nanos);
        }
    }

    public void usage(int input, int output) {
        this.inputTokens = input;
        this.outputTokens = output;
    }

    public void guardrail(String status) {
        this.guardrailStatus = status;
    }

    public void failed(ProblemType type) {
        this.problem = type;
    }

    Optional<String> model() {
        return Optional.ofNullable(model);
    }

    int attempts() {
        return attempts;
    }

    long upstreamNanos() {
        return upstreamNanos;
    }

    Optional<Integer> inputTokens() {
        return Optional.ofNullable(inputTokens);
    }

    Optional<Integer> outputTokens() {
        return Optional.ofNullable(outputTokens);
    }

    Optional<String> guardrailStatus() {
        return Optional.ofNullable(guardrailStatus);
    }

    Map<String, String> metadata() {
        return metadata;
    }

    Optional<ProblemType> problem() {
        return Optional.ofNullable(problem);
    }

    Outcome outcome(int status) {
        if (problem != null) {
            return problem.outcome();
        }
        return status < 400 ? Outcome.OK : status < 500 ? Outcome.REJECTED : Outcome.ERROR;
    }
}
