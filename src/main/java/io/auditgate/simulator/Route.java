package io.auditgate.simulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** Where a signed request goes: a model operation or ApplyGuardrail. Anything else is an unknown operation. */
sealed interface Route {

    /** A model operation on a decoded model identifier. */
    record ModelRoute(Operation operation, String modelId) implements Route {
        public ModelRoute {
            Objects.requireNonNull(operation, "operation");
            Objects.requireNonNull(modelId, "modelId");
        }
    }

    /** ApplyGuardrail on a decoded guardrail identifier and version. */
    record GuardrailRoute(String identifier, String version) implements Route {
        public GuardrailRoute {
            Objects.requireNonNull(identifier, "identifier");
            Objects.requireNonNull(version, "version");
        }
    }

    /** Parses the raw (still percent-encoded) path; path labels are decoded one by one, so "%2F" stays inside. */
    static Route of(String method, String rawPath) {
        String[] segments = rawPath.split("/", -1);
        Route route = null;
        if (segments.length == 4 && segments[1].equals("model") && !segments[2].isEmpty()) {
            route = Operation.named(segments[3]).map(op -> new ModelRoute(op, decode(segments[2]))).orElse(null);
        } else if (segments.length == 6 && segments[1].equals("guardrail") && segments[3].equals("version")
                && segments[5].equals("apply") && !segments[2].isEmpty() && !segments[4].isEmpty()) {
            route = new GuardrailRoute(decode(segments[2]), decode(segments[4]));
        }
        if (route == null) {
            throw new BedrockFailure(BedrockError.UNKNOWN_OPERATION, "Unknown operation: " + method + " " + rawPath);
        }
        if (!method.equals("POST")) {
            throw new BedrockFailure(BedrockError.METHOD_NOT_ALLOWED,
                    "Method " + method + " is not allowed for " + rawPath + "; use POST.");
        }
        return route;
    }

    private static String decode(String label) {
        try {
            return URLDecoder.decode(label.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new BedrockFailure(BedrockError.VALIDATION, "The path contains an invalid percent-encoding.");
        }
    }
}
