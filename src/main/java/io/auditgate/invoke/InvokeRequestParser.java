package io.auditgate.invoke;

import io.auditgate.conversation.Inference;
import io.auditgate.conversation.ChatRequest;
import io.auditgate.problem.GatewayException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Maps a JSON object to an {@link ChatRequest}, refusing with one 400 {@code invalid-request} that lists
 * every bad field. Unknown fields are refused too (a misspelt {@code max_token} must not be silently ignored).
 */
@ApplicationScoped
public class InvokeRequestParser {

    static final Set<String> FIELDS = Set.of("prompt", "messages", "system", "model", "max_tokens",
            "temperature", "top_p", "stop", "metadata", "stream");
    static final int MAX_STOP = 4;
    static final int MAX_STOP_CHARS = 100;
    static final int MAX_METADATA = 16;
    static final int MAX_METADATA_VALUE = 256;
    private static final Pattern METADATA_KEY = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");

    @Inject
    @ConfigProperty(name = "bedrock.default-model", defaultValue = "anthropic.claude-3-haiku-20240307-v1:0")
    String defaultModel;

    @Inject
    @ConfigProperty(name = "invoke.max-output-tokens", defaultValue = "8192")
    int maxOutputTokens;

    @Inject
    Conversations conversations;

    ChatRequest parse(JsonObject json, String requestId) {
        var fields = new JsonFields();
        fields.rejectUnknown(json, FIELDS, "");
        var model = fields.string(json, "model", "model", 2048).orElse(defaultModel);
        if (!ModelIds.isWellFormed(model)) {
            fields.reject("model", "is not a Bedrock model id, inference profile id or ARN");
        }
        var conversation = conversations.read(json, fields);
        var inference = new Inference(
                fields.integer(json, "max_tokens", 1, maxOutputTokens),
                fields.decimal(json, "temperature", 0.0, 1.0),
                fields.decimal(json, "top_p", 0.0, 1.0),
                stop(json, fields));
        var metadata = metadata(json, fields);
        var stream = json.get("stream");
        if (stream != null && stream != JsonValue.TRUE && stream != JsonValue.FALSE && stream != JsonValue.NULL) {
            fields.reject("stream", "must be true or false");
        }
        if (fields.hasErrors()) {
            throw GatewayException.invalid(fields.errors(), fields.omitted());
        }
        return new ChatRequest(requestId, model, conversation.system(), conversation.messages(), inference, metadata,
                stream == JsonValue.TRUE);
    }

    private static List<String> stop(JsonObject json, JsonFields fields) {
        var value = json.get("stop");
        if (value == null || value == JsonValue.NULL) {
            return List.of();
        }
        if (!(value instanceof JsonArray array) || array.size() > MAX_STOP) {
            fields.reject("stop", "must be an array of at most " + MAX_STOP + " strings");
            return List.of();
        }
        var stops = new ArrayList<String>();
        for (int i = 0; i < array.size(); i++) {
            var field = "stop[" + i + "]";
            if (array.get(i) instanceof JsonString s && !s.getString().isEmpty()) {
                fields.checkedText(s.getString(), field, MAX_STOP_CHARS).ifPresent(stops::add);
            } else {
                fields.reject(field, "must be a non-empty string");
            }
        }
        return stops;
    }

    private static Map<String, String> metadata(JsonObject json, JsonFields fields) {
        var value = json.get("metadata");
        if (value == null || value == JsonValue.NULL) {
            return Map.of();
        }
        if (!(value instanceof JsonObject object) || object.size() > MAX_METADATA) {
            fields.reject("metadata", "must be an object of at most " + MAX_METADATA + " string values");
            return Map.of();
        }
        var metadata = new LinkedHashMap<String, String>();
        object.forEach((key, entry) -> {
            var field = "metadata." + JsonFields.printable(key);
            if (!METADATA_KEY.matcher(key).matches()) {
                fields.reject(field, "keys are 1-64 characters of letters, digits, '_', '.', ':' or '-'");
            } else if (!(entry instanceof JsonString s)) {
                fields.reject(field, "must be a string");
            } else {
                Optional.of(s.getString()).flatMap(v -> fields.checkedText(v, field, MAX_METADATA_VALUE))
                        .ifPresent(v -> metadata.put(key, v));
            }
        });
        return metadata;
    }
}
