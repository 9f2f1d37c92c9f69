package io.auditgate.problem;

import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/** Writes {@link Problem} as {@code application/problem+json} by explicit mapping, so nothing leaks by reflection. */
public final class ProblemWriter {

    /** Looked up once: {@code jakarta.json.Json}'s static methods search the class path for a provider on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    static final String REQUEST_ID_HEADER = "X-Request-Id";

    /** Problems after which the connection is closed: the rest of the request cannot be, or must not be, read. */
    private static final Set<ProblemType> CLOSING = Set.of(ProblemType.PAYLOAD_TOO_LARGE, ProblemType.MALFORMED_REQUEST,
            ProblemType.REQUEST_TIMEOUT);

    private ProblemWriter() {
    }

    /**
     * Sends the problem as the whole response: its status with the standard reason phrase, {@code X-Request-Id},
     * {@code Retry-After} when it has one, the challenge with a 401, {@code Connection: close} when the request's
     * body was not (or could not be) read.
     */
    public static void write(Problem problem, HttpServletResponse response) throws IOException {
        response.getOutputStream().write(prepare(problem, response));
    }

    /**
     * Sets the problem's status and headers on {@code response} and returns the body to write, for a caller that
     * writes it itself (without blocking, through a {@code WriteListener}).
     */
    public static byte[] prepare(Problem problem, HttpServletResponse response) {
        headers(problem, response);
        var body = toJson(problem).build().toString().getBytes(StandardCharsets.UTF_8);
        response.setContentType(Problem.MEDIA_TYPE);
        response.setContentLength(body.length);
        return body;
    }

    /**
     * The problem's status line and headers, whatever the body's format (an endpoint with its own error shape sends
     * the same statuses and headers): status with its standard reason phrase, {@code X-Request-Id}, {@code Retry-After},
     * the 401 challenge, {@code Connection: close} when the request's body was not (or could not be) read.
     */
    public static void headers(Problem problem, HttpServletResponse response) {
        response.setStatus(problem.type().status());
        ReasonPhrase.set(response, problem.type().status());
        if (problem.requestId() != null) {
            response.setHeader(REQUEST_ID_HEADER, problem.requestId());
        }
        problem.retryAfterValue().ifPresent(after ->
                response.setHeader("Retry-After", Long.toString(Math.max(1, (after.toMillis() + 999) / 1000))));
        if (problem.type() == ProblemType.UNAUTHENTICATED) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"auditgate\"");
        }
        if (CLOSING.contains(problem.type())) {
            response.setHeader("Connection", "close");
        }
    }

    /** The problem document as JSON, for an error event of a stream. */
    public static String json(Problem problem) {
        return toJson(problem).build().toString();
    }

    static JsonObjectBuilder toJson(Problem problem) {
        var json = JSON.createObjectBuilder()
                .add("type", problem.type().type().toString())
                .add("title", problem.type().title())
                .add("status", problem.type().status())
                .add("detail", problem.detail());
        if (problem.requestId() != null) {
            json.add("request_id", problem.requestId());
        }
        if (!problem.errors().isEmpty()) {
            var errors = JSON.createArrayBuilder();
            problem.errors().forEach(e -> errors.add(JSON.createObjectBuilder()
                    .add("field", e.field()).add("message", e.message())));
            json.add("errors", errors);
        }
        if (problem.errorsOmitted() > 0) {
            json.add("errors_omitted", problem.errorsOmitted());
        }
        return json;
    }
}
