package io.auditgate.openai;

import io.auditgate.problem.Problem;
import io.auditgate.problem.ProblemType;
import io.auditgate.problem.ProblemWriter;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;

/**
 * A problem in OpenAI's error shape, {@code {"error":{"message","type","param","code"}}}, with the status and headers
 * {@code /invoke} sends for it ({@link ProblemWriter#headers}: {@code Retry-After} on 429 and 503 among them), so
 * that the OpenAI SDKs raise their exception class for the status. {@code code} is stable per {@link ProblemType}
 * ({@link #shape}, one table); {@code param} names the first refused field. Where a retry cannot help,
 * {@code x-should-retry: false} keeps the SDKs' automatic retries from sending the same request again.
 */
final class OpenAiErrors {

    static final String SHOULD_RETRY = "x-should-retry";
    static final String MODEL_NOT_FOUND = "model_not_found";
    private static final JsonProvider JSON = JsonProvider.provider();

    /** How one problem type looks to an OpenAI client. */
    record Shape(String type, String code, boolean retryable) {
    }

    private OpenAiErrors() {
    }

    /** The table: every problem type, its OpenAI error type, its stable code and whether a retry can help. */
    static Shape shape(ProblemType problem) {
        return switch (problem) {
            case INVALID_JSON -> new Shape("invalid_request_error", "invalid_json", false);
            case INVALID_REQUEST -> new Shape("invalid_request_error", "invalid_request", false);
            case MALFORMED_REQUEST -> new Shape("invalid_request_error", "malformed_request", false);
            case MODEL_REJECTED_INPUT -> new Shape("invalid_request_error", "model_rejected_input", false);
            case UNAUTHENTICATED -> new Shape("authentication_error", "invalid_api_key", false);
            case MODEL_NOT_ALLOWED -> new Shape("permission_error", "model_not_allowed", false);
            case NOT_FOUND -> new Shape("not_found_error", "not_found", false);
            case METHOD_NOT_ALLOWED -> new Shape("invalid_request_error", "method_not_allowed", false);
            case NOT_ACCEPTABLE -> new Shape("invalid_request_error", "not_acceptable", false);
            case REQUEST_TIMEOUT -> new Shape("invalid_request_error", "request_timeout", true);
            case PAYLOAD_TOO_LARGE -> new Shape("invalid_request_error", "payload_too_large", false);
            case UNSUPPORTED_MEDIA_TYPE -> new Shape("invalid_request_error", "unsupported_media_type", false);
            case PROMPT_BLOCKED -> new Shape("invalid_request_error", "prompt_blocked", false);
            case ANSWER_BLOCKED -> new Shape("invalid_request_error", "answer_blocked", false);
            case SCREENING_LIMIT -> new Shape("invalid_request_error", "screening_limit", false);
            case THROTTLED -> new Shape("rate_limit_error", "throttled", true);
            case RATE_LIMITED -> new Shape("rate_limit_error", "rate_limit_exceeded", true);
            case BUDGET_EXHAUSTED -> new Shape("rate_limit_error", "budget_exhausted", false);
            case INTERNAL_ERROR -> new Shape("server_error", "internal_error", true);
            case UPSTREAM_ERROR -> new Shape("server_error", "upstream_error", true);
            case UPSTREAM_MISCONFIGURED -> new Shape("server_error", "upstream_misconfigured", false);
            case MODEL_UNAVAILABLE -> new Shape("server_error", "model_unavailable", true);
            case CIRCUIT_OPEN -> new Shape("server_error", "circuit_open", true);
            case OVERLOADED -> new Shape("server_error", "overloaded", true);
            case STARTING -> new Shape("server_error", "starting", true);
            case QUOTA_UNAVAILABLE -> new Shape("server_error", "quota_unavailable", true);
            case AUDIT_UNAVAILABLE -> new Shape("server_error", "audit_unavailable", true);
            case MODEL_TIMEOUT -> new Shape("timeout_error", "model_timeout", true);
        };
    }

    /** Sets the status and headers on {@code response} and returns the error body to write. */
    static byte[] prepare(Problem problem, HttpServletResponse response) {
        ProblemWriter.headers(problem, response);
        if (!shape(problem.type()).retryable()) {
            response.setHeader(SHOULD_RETRY, "false");
        }
        var body = json(problem).toString().getBytes(StandardCharsets.UTF_8);
        response.setContentType("application/json");
        response.setContentLength(body.length);
        return body;
    }

    /** The error object; also the data of a stream's error event. */
    static JsonObject json(Problem problem) {
        var shape = shape(problem.type());
        var param = problem.errors().isEmpty() ? null : problem.errors().get(0).field();
        var code = problem.type() == ProblemType.NOT_FOUND && "model".equals(param) ? MODEL_NOT_FOUND : shape.code();
        var error = JSON.createObjectBuilder()
                .add("message", problem.detail())
                .add("type", shape.type());
        if (param == null) {
            error.add("param", JsonValue.NULL);
        } else {
            error.add("param", param);
        }
        return JSON.createObjectBuilder().add("error", error.add("code", code)).build();
    }
}
