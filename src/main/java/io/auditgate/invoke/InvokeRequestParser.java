package io.auditgate.invoke;

import io.auditgate.conversation.Inference;
import io.auditgate.conversation.ChatRequest;
import io.auditgate.conversation.ModelIds;
import io.auditgate.http.JsonFields;
import io.auditgate.http.SharedFields;
import io.auditgate.http.TextLimits;
import io.auditgate.problem.GatewayException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Maps a JSON object to an {@link ChatRequest}, refusing with one 400 {@code invalid-request} that lists
 * every bad field. Unknown fields are refused too (a misspelt {@code max_token} must not be silently ignored).
 */
@ApplicationScoped
public class InvokeRequestParser {

    static final Set<String> FIELDS = Set.of("prompt", "messages", "system", "model", "max_tokens",
            "temperature", "top_p", "stop", "metadata", "stream");

    @Inject
    @ConfigProperty(name = "bedrock.default-model", defaultValue = "anthropic.claude-3-haiku-20240307-v1:0")
    String defaultModel;

    @Inject
    TextLimits limits;

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
                fields.integer(json, "max_tokens", 1, limits.maxOutputTokens()),
                fields.decimal(json, "temperature", 0.0, 1.0),
                fields.decimal(json, "top_p", 0.0, 1.0),
                SharedFields.stops(json.get("stop"), fields));
        var metadata = SharedFields.metadata(json.get("metadata"), fields);
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
}
