package io.auditgate.simulator;

import java.util.Set;

/**
 * Which model identifiers the simulator accepts: ids, inference-profile ids and ARNs of the providers on
 * Bedrock. An unknown provider is answered as the service answers an unknown model.
 */
final class ModelCatalogue {

    private static final Set<String> PROVIDERS = Set.of("anthropic", "amazon", "meta", "mistral", "cohere", "ai21");
    private static final Set<String> REGION_PREFIXES = Set.of("us", "eu", "apac", "us-gov", "global", "jp", "au", "ca");
    private static final int DEFAULT_MAX_OUTPUT_TOKENS = 4096;
    private static final int LARGE_MAX_OUTPUT_TOKENS = 8192;

    private ModelCatalogue() {
    }

    /** Resolves a decoded model identifier, or fails with ResourceNotFoundException. */
    static Model resolve(String requestedId) {
        String baseId = withoutRegionPrefix(withoutArn(requestedId));
        int dot = baseId.indexOf('.');
        if (dot <= 0 || dot == baseId.length() - 1 || !PROVIDERS.contains(baseId.substring(0, dot))) {
            throw new BedrockFailure(BedrockError.RESOURCE_NOT_FOUND, "The provided model identifier is invalid.");
        }
        return new Model(requestedId, baseId, baseId.substring(0, dot), maxOutputTokens(baseId));
    }

    private static String withoutArn(String id) {
        if (!id.startsWith("arn:")) {
            return id;
        }
        for (String kind : new String[] {":foundation-model/", ":inference-profile/"}) {
            int at = id.indexOf(kind);
            if (id.startsWith("arn:aws") && id.contains(":bedrock:") && at > 0) {
                return id.substring(at + kind.length());
            }
        }
        return "";
    }

    private static String withoutRegionPrefix(String id) {
        int dot = id.indexOf('.');
        if (dot > 0 && REGION_PREFIXES.contains(id.substring(0, dot))) {
            return id.substring(dot + 1);
        }
        return id;
    }

    private static int maxOutputTokens(String baseId) {
        return baseId.contains("claude-3-5") || baseId.contains("claude-3-7")
                ? LARGE_MAX_OUTPUT_TOKENS
                : DEFAULT_MAX_OUTPUT_TOKENS;
    }
}
