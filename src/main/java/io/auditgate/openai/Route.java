package io.auditgate.openai;

import io.auditgate.problem.FieldError;
import io.auditgate.problem.GatewayException;
import io.auditgate.problem.ProblemType;
import java.util.List;

/**
 * Where a request under {@code /v1} goes: {@code POST /chat/completions}, {@code GET /models} or
 * {@code GET /models/{id}} (the id may hold {@code /}, as an ARN does); any other path is 404, another method 405.
 * Decided from the container's decoded, normalised path before authentication, as for any unknown path.
 *
 * @param modelId the id of {@code GET /models/{id}}, else {@code null}
 */
record Route(Kind kind, String modelId) {

    enum Kind { CHAT, MODELS, MODEL }

    static final String CHAT_PATH = "/chat/completions";
    static final String MODELS_PATH = "/models";
    /** The operations the audit record names for the listing ({@code api.operation}). */
    static final String LIST = "models.list";
    static final String RETRIEVE = "models.retrieve";

    /** {@code pathInfo}: the path below the servlet's {@code /v1}. */
    static Route of(String method, String pathInfo) {
        var path = pathInfo == null ? "" : pathInfo;
        if (path.equals(CHAT_PATH) || path.equals(CHAT_PATH + "/")) {
            return allowed(method, "POST", new Route(Kind.CHAT, null));
        }
        if (path.equals(MODELS_PATH) || path.equals(MODELS_PATH + "/")) {
            return allowed(method, "GET", new Route(Kind.MODELS, null));
        }
        if (path.startsWith(MODELS_PATH + "/")) {
            return allowed(method, "GET", new Route(Kind.MODEL, path.substring(MODELS_PATH.length() + 1)));
        }
        throw new GatewayException(ProblemType.NOT_FOUND, "No resource at this path.");
    }

    /** The method the route takes, for {@code Allow}. */
    static String allowFor(String pathInfo) {
        return pathInfo != null && pathInfo.startsWith(MODELS_PATH) ? "GET" : "POST";
    }

    private static Route allowed(String method, String allowed, Route route) {
        if (!allowed.equals(method)) {
            throw new GatewayException(ProblemType.METHOD_NOT_ALLOWED, "Allowed methods: " + allowed + ".");
        }
        return route;
    }

    /** A model this key may not use, or that does not exist, looks the same: 404 {@code model_not_found}. */
    static GatewayException modelNotFound() {
        return new GatewayException(ProblemType.NOT_FOUND, "No such model for this key: GET /v1/models lists them.",
                List.of(new FieldError("model", "unknown model")), null);
    }
}
