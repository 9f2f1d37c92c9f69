package io.auditgate.problem;

import java.net.URI;

/**
 * Every problem the gateway can answer with. The slug is part of the public contract
 * ({@code openapi/openapi.yaml}, {@code docs/problems.md}): never rename one.
 */
public enum ProblemType {
    INVALID_JSON(400, "invalid-json", "Request body is not valid JSON", Outcome.REJECTED),
    INVALID_REQUEST(400, "invalid-request", "Request is invalid", Outcome.REJECTED),
    MALFORMED_REQUEST(400, "malformed-request", "Malformed HTTP request", Outcome.REJECTED),
    MODEL_REJECTED_INPUT(400, "model-rejected-input", "The model rejected the request's input or parameters", Outcome.REJECTED),
    UNAUTHENTICATED(401, "unauthenticated", "Authentication required", Outcome.REJECTED),
    MODEL_NOT_ALLOWED(403, "model-not-allowed", "Model not allowed", Outcome.REJECTED),
    NOT_FOUND(404, "not-found", "Not found", Outcome.REJECTED),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed", Outcome.REJECTED),
    NOT_ACCEPTABLE(406, "not-acceptable", "Not acceptable", Outcome.REJECTED),
    REQUEST_TIMEOUT(408, "request-timeout", "Request body not received in time", Outcome.REJECTED),
    PAYLOAD_TOO_LARGE(413, "payload-too-large", "Request body too large", Outcome.REJECTED),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type", Outcome.REJECTED),
    PROMPT_BLOCKED(422, "prompt-blocked", "Prompt blocked by guardrails", Outcome.REJECTED),
    ANSWER_BLOCKED(422, "answer-blocked", "Answer blocked by guardrails", Outcome.REJECTED),
    SCREENING_LIMIT(422, "screening-limit", "Prompt too costly to screen", Outcome.REJECTED),
    THROTTLED(429, "throttled", "Model is throttling requests", Outcome.THROTTLED),
    RATE_LIMITED(429, "rate-limited", "Tenant limit reached", Outcome.THROTTLED),
    BUDGET_EXHAUSTED(429, "budget-exhausted", "Tenant budget exhausted", Outcome.THROTTLED),
    INTERNAL_ERROR(500, "internal-error", "Internal error", Outcome.ERROR),
    UPSTREAM_ERROR(502, "upstream-error", "The model provider returned an error", Outcome.UPSTREAM_ERROR),
    UPSTREAM_MISCONFIGURED(502, "upstream-misconfigured", "The gateway cannot use the model provider", Outcome.UPSTREAM_ERROR),
    MODEL_UNAVAILABLE(503, "model-unavailable", "Model temporarily unavailable", Outcome.UNAVAILABLE),
    CIRCUIT_OPEN(503, "circuit-open", "Model temporarily unavailable (circuit open)", Outcome.UNAVAILABLE),
    OVERLOADED(503, "overloaded", "Gateway at capacity for upstream calls", Outcome.UNAVAILABLE),
    STARTING(503, "starting", "The gateway is not ready", Outcome.UNAVAILABLE),
    QUOTA_UNAVAILABLE(503, "quota-unavailable", "Tenant limits cannot be checked right now", Outcome.UNAVAILABLE),
    AUDIT_UNAVAILABLE(503, "audit-unavailable", "The audit trail cannot record requests right now", Outcome.UNAVAILABLE),
    MODEL_TIMEOUT(504, "model-timeout", "The model did not answer in time", Outcome.TIMEOUT);

    private static final String BASE = "https://auditgate.io/problems/";

    private final int status;
    private final String slug;
    private final String title;
    private final Outcome outcome;

    ProblemType(int status, String slug, String title, Outcome outcome) {
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.outcome = outcome;
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public URI type() {
        return URI.create(BASE + slug);
    }

    public Outcome outcome() {
        return outcome;
    }
}
