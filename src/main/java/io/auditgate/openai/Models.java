package io.auditgate.openai;

import io.auditgate.auth.Caller;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.util.Optional;
import java.util.Set;

/**
 * {@code GET /v1/models} and {@code GET /v1/models/{id}} in OpenAI's shapes: the caller's tenant's allowed models,
 * as the tenants policy snapshot that authenticated it lists them (sorted), {@code owned_by} the provider part of the
 * id. {@code created} is 0: Bedrock ids carry no date the gateway could vouch for.
 */
final class Models {

    private static final JsonProvider JSON = JsonProvider.provider();
    /** The prefixes of Bedrock's cross-region inference profiles. */
    private static final Set<String> GEOGRAPHIES = Set.of("us", "us-gov", "eu", "apac", "jp", "au", "ca", "global");

    private Models() {
    }

    static JsonObject list(Caller caller) {
        var data = JSON.createArrayBuilder();
        caller.allowedModels().stream().sorted().forEach(id -> data.add(model(id)));
        return JSON.createObjectBuilder().add("object", "list").add("data", data).build();
    }

    /** The model, if the caller may use it. */
    static Optional<JsonObject> retrieve(Caller caller, String id) {
        return caller.allowedModels().contains(id) ? Optional.of(model(id).build()) : Optional.empty();
    }

    private static JsonObjectBuilder model(String id) {
        return JSON.createObjectBuilder().add("id", id).add("object", "model").add("created", 0)
                .add("owned_by", ownedBy(id));
    }

    /**
     * {@code anthropic} of {@code anthropic.claude-...} and of {@code us.anthropic.claude-...} (an inference
     * profile's geography skipped), {@code aws} for an ARN.
     */
    static String ownedBy(String id) {
        if (id.startsWith("arn:")) {
            return "aws";
        }
        var parts = id.split("\\.", 3);
        return parts.length == 3 && GEOGRAPHIES.contains(parts[0]) ? parts[1] : parts[0];
    }
}
