package io.auditgate.tenant;

import io.auditgate.auth.NewApiKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Builds tenants policy documents for tests. */
public final class PolicyJson {

    public static final String HAIKU = "anthropic.claude-3-haiku-20240307-v1:0";
    public static final String SONNET = "anthropic.claude-3-5-sonnet-20240620-v1:0";

    private PolicyJson() {
    }

    public static String policy(int version, String... tenants) {
        return "{\"version\":" + version + ",\"tenants\":[" + String.join(",", tenants) + "]}";
    }

    public static String tenant(String id, String keys, String... models) {
        var list = Arrays.stream(models).map(m -> "\"" + m + "\"").collect(Collectors.joining(","));
        return "{\"id\":\"" + id + "\",\"api_keys\":[" + keys + "],\"allowed_models\":[" + list + "],"
                + "\"guardrail_profile\":\"standard\",\"limits\":{\"max_prompt_chars\":1000,\"max_output_tokens\":500}}";
    }

    public static String key(NewApiKey key) {
        return key.policyEntry(null);
    }

    public static String key(String keyId, String sha256) {
        return "{\"key_id\":\"" + keyId + "\",\"sha256\":\"" + sha256 + "\"}";
    }

    public static Path write(Path file, String json) {
        try {
            return Files.writeString(file, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
