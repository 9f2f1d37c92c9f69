package io.auditgate.openai;

import io.auditgate.conversation.ChatRequest;
import io.auditgate.conversation.Inference;
import io.auditgate.conversation.ModelIds;
import io.auditgate.http.JsonFields;
import io.auditgate.http.SharedFields;
import io.auditgate.http.TextLimits;
import io.auditgate.problem.FieldError;
import io.auditgate.problem.GatewayException;
import io.auditgate.problem.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Maps a {@code POST /v1/chat/completions} body to the neutral {@link ChatRequest}, refusing with one 400 that lists
 * every bad field ({@code param}: the first). Ranges are {@code /invoke}'s. Unlike {@code /invoke}, fields it does not
 * apply are ignored, as OpenAI clients expect, unless ignoring them would change the answer ({@link Unsupported});
 * tools are read by {@link OpenAiTools}, tool calls, tool messages and images by {@link OpenAiMessages};
 * their names are kept, bounded, for the record. A model that is not a Bedrock model id at all (say {@code gpt-4o})
 * is 404 {@code model_not_found}: the gateway renames no model.
 */
@ApplicationScoped
public class ChatCompletionsParser {

    /** The fields applied; every other one is refused ({@link Unsupported}) or ignored. */
    static final Set<String> APPLIED = Set.of("model", "messages", "max_completion_tokens", "max_tokens",
            "temperature", "top_p", "stop", "user", "metadata", "stream", "stream_options", "tools", "tool_choice");
    /** The most ignored field names kept: what a client sends must not grow the record. */
    static final int MAX_IGNORED = 16;
    static final String USER_KEY = "user";
    private static final JsonProvider JSON = JsonProvider.provider();

    /** What the endpoint reads from a body: the neutral request (with the fields ignored), the usage-chunk option. */
    record Parsed(ChatRequest request, boolean includeUsage) {
    }

    @Inject
    TextLimits limits;

    @Inject
    OpenAiMessages messages;

    @Inject
    @ConfigProperty(name = "openai.max-body-bytes", defaultValue = "1048576")
    long maxBodyBytes;

    /**
     * The body cap of {@code /v1/chat/completions}, apart from {@code /invoke}'s since base64 images make bodies
     * large (4/3 of the image); a method, since a field read through the CDI proxy would see the proxy's zero.
     */
    long maxBodyBytes() {
        return maxBodyBytes;
    }

    Parsed parse(JsonObject json, String requestId) {
        var fields = new JsonFields();
        Unsupported.check(json, fields);
        var model = fields.string(json, "model", "model", 2048);
        if (model.isEmpty() && (json.get("model") == null || json.get("model") == JsonValue.NULL)) {
            fields.reject("model", "is required");
        }
        var conversation = messages.read(json.get("messages"), fields);
        var tools = OpenAiTools.read(json, limits.maxPromptChars(), fields);
        var maxTokensField = present(json, "max_completion_tokens") ? "max_completion_tokens" : "max_tokens";
        var inference = new Inference(
                fields.integer(json, maxTokensField, 1, limits.maxOutputTokens()),
                fields.decimal(json, "temperature", 0.0, 1.0),
                fields.decimal(json, "top_p", 0.0, 1.0),
                SharedFields.stops(stop(json.get("stop")), fields));
        var metadata = metadata(json, fields);
        var stream = flag(json, "stream", "stream", fields);
        var includeUsage = json.get("stream_options") instanceof JsonObject options
                && flag(options, "include_usage", "stream_options.include_usage", fields);
        if (present(json, "stream_options") && !(json.get("stream_options") instanceof JsonObject)) {
            fields.reject("stream_options", "must be an object");
        }
        if (fields.hasErrors()) {
            throw GatewayException.invalid(fields.errors(), fields.omitted());
        }
        if (!ModelIds.isWellFormed(model.get())) {
            throw new GatewayException(ProblemType.NOT_FOUND, "The model does not exist: this gateway serves Bedrock "
                    + "model ids, and GET /v1/models lists the ones this key may use.",
                    List.of(new FieldError("model", "unknown model")), null);
        }
        var request = new ChatRequest(requestId, model.get(), conversation.system(), conversation.messages(), inference,
                metadata, stream, ignored(json), tools);
        return new Parsed(request, includeUsage);
    }

    /** {@code metadata}, with {@code user} (the end user's id) as one more key, as {@code /invoke} would screen it. */
    private static Map<String, String> metadata(JsonObject json, JsonFields fields) {
        var metadata = new LinkedHashMap<>(SharedFields.metadata(json.get("metadata"), fields));
        fields.string(json, USER_KEY, USER_KEY, SharedFields.MAX_METADATA_VALUE).ifPresent(user -> {
            if (json.get("metadata") instanceof JsonObject m && m.containsKey(USER_KEY)) {
                fields.reject(USER_KEY, "is also a key of metadata: send it once");
            } else {
                metadata.put(USER_KEY, user);
            }
        });
        return metadata;
    }

    private static boolean flag(JsonObject json, String name, String field, JsonFields fields) {
        var value = json.get(name);
        if (value != null && value != JsonValue.TRUE && value != JsonValue.FALSE && value != JsonValue.NULL) {
            fields.reject(field, "must be true or false");
        }
        return value == JsonValue.TRUE;
    }

    /** The names of the fields neither applied nor refused, sorted; at most {@link #MAX_IGNORED}, odd names hidden. */
    static List<String> ignored(JsonObject json) {
        var names = new TreeSet<String>();
        json.keySet().stream().filter(k -> !APPLIED.contains(k)).map(JsonFields::printable).forEach(names::add);
        return names.stream().limit(MAX_IGNORED).toList();
    }

    private static boolean present(JsonObject json, String name) {
        return json.containsKey(name) && json.get(name) != JsonValue.NULL;
    }

    /** OpenAI's {@code stop} may be one string: read as a list of one. */
    private static JsonValue stop(JsonValue value) {
        return value instanceof JsonString s ? JSON.createArrayBuilder().add(s).build() : value;
    }
}
