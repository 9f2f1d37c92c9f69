package io.auditgate.it;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The table of bad requests: each must get its documented 4xx problem, never a 5xx. */
final class BadRequests {

    record Case(String name, String method, String path, String contentType, byte[] body, String accept, int status, String type) {
        HttpRequest.Builder request(URI base) {
            var builder = HttpRequest.newBuilder(base.resolve(path)).header("x-api-key", ItTenants.ACME);
            if (contentType != null) {
                builder.header("Content-Type", contentType);
            }
            if (accept != null) {
                builder.header("Accept", accept);
            }
            var publisher = body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body);
            return builder.method(method, publisher);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private BadRequests() {
    }

    private static Case json(String name, String body, int status, String type) {
        return new Case(name, "POST", "/invoke", "application/json", body.getBytes(StandardCharsets.UTF_8), null, status, type);
    }

    private static Case invalid(String name, String body) {
        return json(name, body, 400, "invalid-request");
    }

    static List<Case> cases() {
        var invalidUtf8 = new byte[] {'{', '"', 'p', 'r', 'o', 'm', 'p', 't', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        return List.of(
                json("truncated JSON", "{\"prompt\":", 400, "invalid-json"),
                json("JSON array instead of object", "[\"hi\"]", 400, "invalid-json"),
                json("JSON string instead of object", "\"hi\"", 400, "invalid-json"),
                json("empty body", "", 400, "invalid-json"),
                json("duplicate keys", "{\"prompt\":\"a\",\"prompt\":\"b\"}", 400, "invalid-json"),
                json("content after the object", "{\"prompt\":\"a\"} {}", 400, "invalid-json"),
                json("nesting deeper than the parser allows", "{\"metadata\":" + "[".repeat(5000) + "]".repeat(5000) + "}", 400, "invalid-json"),
                new Case("invalid UTF-8", "POST", "/invoke", "application/json", invalidUtf8, null, 400, "invalid-json"),
                new Case("missing Content-Type", "POST", "/invoke", null, "{\"prompt\":\"hi\"}".getBytes(StandardCharsets.UTF_8), null, 415, "unsupported-media-type"),
                new Case("text/plain", "POST", "/invoke", "text/plain", "{\"prompt\":\"hi\"}".getBytes(StandardCharsets.UTF_8), null, 415, "unsupported-media-type"),
                new Case("Latin-1 charset", "POST", "/invoke", "application/json; charset=iso-8859-1", "{\"prompt\":\"hi\"}".getBytes(StandardCharsets.UTF_8), null, 415, "unsupported-media-type"),
                new Case("form encoding", "POST", "/invoke", "application/x-www-form-urlencoded", "prompt=hi".getBytes(StandardCharsets.UTF_8), null, 415, "unsupported-media-type"),
                json("body over 1 MiB", "{\"prompt\":\"" + "a".repeat(1024 * 1024) + "\"}", 413, "payload-too-large"),
                json("body of 5 MiB", "{\"prompt\":\"" + "a".repeat(5 * 1024 * 1024) + "\"}", 413, "payload-too-large"),
                invalid("empty prompt", "{\"prompt\":\"\"}"),
                invalid("blank prompt", "{\"prompt\":\"   \\n\"}"),
                invalid("prompt is a number", "{\"prompt\":42}"),
                invalid("neither prompt nor messages", "{\"max_tokens\":10}"),
                invalid("both prompt and messages", "{\"prompt\":\"a\",\"messages\":[{\"role\":\"user\",\"content\":\"b\"}]}"),
                invalid("empty messages", "{\"messages\":[]}"),
                invalid("messages not an array", "{\"messages\":\"hi\"}"),
                invalid("unknown role", "{\"messages\":[{\"role\":\"system\",\"content\":\"hi\"}]}"),
                invalid("conversation starts with assistant", "{\"messages\":[{\"role\":\"assistant\",\"content\":\"a\"},{\"role\":\"user\",\"content\":\"b\"}]}"),
                invalid("two user turns in a row", "{\"messages\":[{\"role\":\"user\",\"content\":\"a\"},{\"role\":\"user\",\"content\":\"b\"}]}"),
                invalid("conversation ends with assistant", "{\"messages\":[{\"role\":\"user\",\"content\":\"a\"},{\"role\":\"assistant\",\"content\":\"b\"}]}"),
                invalid("message without content", "{\"messages\":[{\"role\":\"user\"}]}"),
                invalid("message with an unknown field", "{\"messages\":[{\"role\":\"user\",\"content\":\"a\",\"name\":\"x\"}]}"),
                invalid("blank system", "{\"prompt\":\"a\",\"system\":\" \"}"),
                invalid("max_tokens zero", "{\"prompt\":\"a\",\"max_tokens\":0}"),
                invalid("max_tokens over the gateway cap", "{\"prompt\":\"a\",\"max_tokens\":100000}"),
                invalid("max_tokens fractional", "{\"prompt\":\"a\",\"max_tokens\":1.5}"),
                invalid("max_tokens as a string", "{\"prompt\":\"a\",\"max_tokens\":\"100\"}"),
                invalid("max_tokens astronomically large", "{\"prompt\":\"a\",\"max_tokens\":1e400}"),
                invalid("temperature below zero", "{\"prompt\":\"a\",\"temperature\":-0.1}"),
                invalid("temperature above one", "{\"prompt\":\"a\",\"temperature\":2}"),
                invalid("top_p above one", "{\"prompt\":\"a\",\"top_p\":1.01}"),
                invalid("five stop sequences", "{\"prompt\":\"a\",\"stop\":[\"1\",\"2\",\"3\",\"4\",\"5\"]}"),
                invalid("empty stop sequence", "{\"prompt\":\"a\",\"stop\":[\"\"]}"),
                invalid("stop not an array", "{\"prompt\":\"a\",\"stop\":\"END\"}"),
                invalid("seventeen metadata entries", "{\"prompt\":\"a\",\"metadata\":{" + seventeenEntries() + "}}"),
                invalid("metadata value not a string", "{\"prompt\":\"a\",\"metadata\":{\"k\":1}}"),
                invalid("metadata key with a space", "{\"prompt\":\"a\",\"metadata\":{\"a b\":\"c\"}}"),
                invalid("metadata value too long", "{\"prompt\":\"a\",\"metadata\":{\"k\":\"" + "v".repeat(257) + "\"}}"),
                invalid("model id of another provider's shape", "{\"prompt\":\"a\",\"model\":\"gpt-4\"}"),
                invalid("model ARN of another service", "{\"prompt\":\"a\",\"model\":\"arn:aws:s3:::bucket/key\"}"),
                invalid("misspelt field", "{\"prompt\":\"a\",\"max_token\":10}"),
                invalid("unpaired surrogate", "{\"prompt\":\"a\\ud800b\"}"),
                new Case("GET on /invoke", "GET", "/invoke", null, null, null, 405, "method-not-allowed"),
                new Case("PUT on /invoke", "PUT", "/invoke", "application/json", "{}".getBytes(StandardCharsets.UTF_8), null, 405, "method-not-allowed"),
                new Case("unknown path", "GET", "/no-such-thing", null, null, null, 404, "not-found"),
                new Case("path below /invoke", "POST", "/invoke/extra", "application/json", "{}".getBytes(StandardCharsets.UTF_8), null, 404, "not-found"),
                new Case("Accept that excludes JSON", "POST", "/invoke", "application/json", "{\"prompt\":\"a\"}".getBytes(StandardCharsets.UTF_8), "text/html", 406, "not-acceptable"));
    }

    private static String seventeenEntries() {
        var entries = new StringBuilder();
        for (int i = 0; i < 17; i++) {
            entries.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":\"v\"");
        }
        return entries.toString();
    }
}
