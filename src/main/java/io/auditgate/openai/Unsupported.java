package io.auditgate.openai;

import io.auditgate.http.JsonFields;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Predicate;

/**
 * The OpenAI request fields the gateway cannot honour, refused (400, {@code param} naming the field) rather than
 * ignored, since ignoring them would change the answer the client relies on: the legacy {@code functions} (tools
 * replace them), more than one choice, log probabilities, audio, other output modalities, JSON modes, predicted outputs, web search,
 * penalties and token biases. Each is refused only when set to something other than its neutral value, because
 * many clients send {@code "n": 1}, {@code "presence_penalty": 0} or {@code "functions": []} on every request.
 */
final class Unsupported {

    static final String LEGACY = "is not supported: use tools and tool_choice (OpenAI's replacement for it)";

    private record Rule(String field, Predicate<JsonValue> neutral, String message) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule("functions", Unsupported::emptyArray, LEGACY),
            new Rule("function_call", v -> false, LEGACY),
            new Rule("n", v -> number(v, 1), "must be 1: one choice per request is supported"),
            new Rule("logprobs", v -> v == JsonValue.FALSE, "is not supported: log probabilities are not available"),
            new Rule("top_logprobs", v -> false, "is not supported: log probabilities are not available"),
            new Rule("audio", v -> false, "is not supported: audio output is not available"),
            new Rule("modalities", Unsupported::textOnly, "must be [\"text\"]: only text output is supported"),
            new Rule("response_format", Unsupported::textFormat,
                    "must be {\"type\": \"text\"}: JSON modes and schemas are not supported"),
            new Rule("prediction", v -> false, "is not supported: predicted outputs are not available"),
            new Rule("web_search_options", v -> false, "is not supported: web search is not available"),
            new Rule("frequency_penalty", v -> number(v, 0), "must be 0: penalties are not supported"),
            new Rule("presence_penalty", v -> number(v, 0), "must be 0: penalties are not supported"),
            new Rule("logit_bias", v -> v instanceof JsonObject o && o.isEmpty(), "is not supported: token biases are not available"));

    private Unsupported() {
    }

    /** Rejects each field of {@link #RULES} that is present, not null and not neutral. */
    static void check(JsonObject json, JsonFields fields) {
        for (var rule : RULES) {
            var value = json.get(rule.field());
            if (value != null && value != JsonValue.NULL && !rule.neutral().test(value)) {
                fields.reject(rule.field(), rule.message());
            }
        }
    }

    private static boolean emptyArray(JsonValue value) {
        return value instanceof JsonArray a && a.isEmpty();
    }

    private static boolean number(JsonValue value, int expected) {
        return value instanceof JsonNumber n && n.bigDecimalValue().compareTo(BigDecimal.valueOf(expected)) == 0;
    }

    private static boolean textOnly(JsonValue value) {
        return value instanceof JsonArray a && a.size() == 1 && a.get(0) instanceof JsonString s
                && s.getString().equals("text");
    }

    private static boolean textFormat(JsonValue value) {
        return value instanceof JsonObject o && o.get("type") instanceof JsonString s && s.getString().equals("text");
    }
}
