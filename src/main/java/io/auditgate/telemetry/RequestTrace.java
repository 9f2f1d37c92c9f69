package io.auditgate.telemetry;

import io.auditgate.problem.Outcome;
import io.auditgate.problem.ProblemType;
import jakarta.enterprise.context.RequestScoped;
import java.util.Map;
import java.util.Optional;

/**
 * What one request did, as the request log and metrics need it: filled in by the steps that know each fact,
 * read once by {@link RequestLogFilter}. It holds identifiers, counts and timings only, never request text.
 */
@RequestScoped
public class RequestTrace {

    private String requestId;
    private long startNanos;
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
    }

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

    /** The authenticated tenant and principal (a key id or JWT subject, never a secret). */
    public void caller(String tenantId, String principalId) {
        this.tenant = tenantId;
        this.principal = principalId;
    }

    Optional<String> tenant() {
        return Optional.ofNullable(tenant);
    }

    Optional<String> principal() {
        return Optional.ofNullable(principal);
    }

    public void model(String modelId) {
        this.model = modelId;
    }

    public void metadata(Map<String, String> values) {
        this.metadata = Map.copyOf(values);
    }

    /** Counts one upstream attempt and the time it took. */
    public void attempt(long nanos) {
        attempts++;
        upstreamNanos += nanos;
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
