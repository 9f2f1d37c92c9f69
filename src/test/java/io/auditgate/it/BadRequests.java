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

    /**
     * A request no HTTP client sends, written to a socket as bytes: the status it must get, its problem type, and
     * whether the connection must stay open after the answer.
     */
    record RawCase(String name, String request, int status, String type, boolean staysOpen) {
        byte[] bytes() {
            return request.getBytes(StandardCharsets.ISO_8859_1);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * What the container answers before the gateway's servlet sees the request: an empty 400 and a closed connection.
     * Never HTML, never a 5xx; not (yet) problem+json (docs/problems.md, "At the HTTP edge").
     */
    record RefusedByTheContainer(String name, String request) {
        byte[] bytes() {
            return request.getBytes(StandardCharsets.ISO_8859_1);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * A bad request under {@code /v1}, whoever answers it (the endpoint or the container's error page): the status it
     * must get in OpenAI's error shape, with its {@code code}.
     */
    record OpenAiCase(String name, String method, String path, String body, int status, String code) {
        HttpRequest.Builder request(URI base) {
            var builder = HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + ItTenants.ACME);
            if (body == null) {
                return builder.method(method, HttpRequest.BodyPublishers.noBody());
            }
            return builder.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static List<OpenAiCase> openAiCases() {
        var chat = "/v1/chat/completions";
        return List.of(
                new OpenAiCase("an unknown path under /v1", "GET", "/v1/no-such-thing", null, 404, "not_found"),
                new OpenAiCase("/v1 itself", "GET", "/v1", null, 404, "not_found"),
                new OpenAiCase("GET on chat completions", "GET", chat, null, 405, "method_not_allowed"),
                new OpenAiCase("DELETE on chat completions", "DELETE", chat, null, 405, "method_not_allowed"),
                new OpenAiCase("TRACE on the models", "TRACE", "/v1/models", null, 405, "method_not_allowed"),
                new OpenAiCase("POST on the models", "POST", "/v1/models", "{}", 405, "method_not_allowed"),
                new OpenAiCase("invalid JSON", "POST", chat, "{x}", 400, "invalid_json"),
                new OpenAiCase("a body over 1 MiB", "POST", chat, "{\"model\":\"" + ItTenants.ACME_MODEL
                        + "\",\"messages\":[{\"role\":\"user\",\"content\":\"" + "a".repeat(1024 * 1024) + "\"}]}",
                        413, "payload_too_large"));
    }

    private BadRequests() {
    }

    private static String raw(String method, String target, String... headers) {
        return method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + String.join("", java.util.Arrays.stream(headers)
                .map(h -> h + "\r\n").toList()) + "\r\n";
    }

    private static String post(String body, String... headers) {
        var all = new java.util.ArrayList<>(List.of(headers));
        all.add("Content-Type: application/json");
        all.add("Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length);
        return raw("POST", "/invoke", all.toArray(String[]::new)) + body;
    }

    static List<RawCase> rawCases() {
        var key = "x-api-key: " + ItTenants.ACME;
        var bearer = "Authorization: Bearer " + ItTenants.ACME;
        var ok = "{\"prompt\":\"hi\"}";
        return List.of(
                new RawCase("WEB-INF path", raw("GET", "/WEB-INF/web.xml"), 404, "not-found", true),
                new RawCase("META-INF path", raw("GET", "/META-INF/MANIFEST.MF"), 404, "not-found", true),
                new RawCase("WEB-INF path in lower case", raw("GET", "/web-inf/web.xml"), 404, "not-found", true),
                new RawCase("DELETE", raw("DELETE", "/invoke", key), 405, "method-not-allowed", true),
                new RawCase("TRACE", raw("TRACE", "/invoke", key), 405, "method-not-allowed", true),
                new RawCase("OPTIONS", raw("OPTIONS", "/invoke"), 405, "method-not-allowed", true),
                new RawCase("WADL at the root", raw("GET", "/application.wadl"), 404, "not-found", true),
                new RawCase("WADL below /openapi", raw("GET", "/openapi/application.wadl"), 404, "not-found", true),
                new RawCase("WADL query", raw("GET", "/invoke?_wadl"), 405, "method-not-allowed", true),
                new RawCase("the error page itself", raw("GET", "/.auditgate-problem"), 404, "not-found", true),
                new RawCase("two Authorization headers", post(ok, bearer, bearer), 401, "unauthenticated", true),
                new RawCase("two x-api-key headers", post(ok, key, key), 401, "unauthenticated", true),
                new RawCase("a key plus a bearer", post(ok, key, bearer), 401, "unauthenticated", true),
                new RawCase("a model the tenant may not use", post("{\"prompt\":\"hi\",\"model\":\"" + ItTenants.BETA_MODEL + "\"}", key),
                        403, "model-not-allowed", true),
                new RawCase("a prompt the strict tenant blocks", post("{\"prompt\":\"Refund card 4111 1111 1111 1111\",\"model\":\"" + ItTenants.BETA_MODEL + "\"}",
                        "x-api-key: " + ItTenants.BETA), 422, "prompt-blocked", true),
                new RawCase("an unreadable body", post("{x}", key), 400, "invalid-json", false),
                new RawCase("thousands of unknown fields", post(unknownFields(20_000), key), 400, "invalid-request", false));
    }

    static List<RefusedByTheContainer> refusedByTheContainer() {
        return List.of(
                new RefusedByTheContainer("encoded NUL", raw("GET", "/invoke%00")),
                new RefusedByTheContainer("encoded NUL under /v1", raw("GET", "/v1/models%00")),
                new RefusedByTheContainer("header name with a space under /v1", raw("POST", "/v1/chat/completions", "Bad Header: x")),
                new RefusedByTheContainer("encoded traversal", raw("GET", "/..%2f..%2fetc/passwd")),
                new RefusedByTheContainer("dot-dot traversal", raw("GET", "/%2e%2e/%2e%2e/etc/passwd")),
                new RefusedByTheContainer("control character in a header", raw("GET", "/invoke", "X-Request-Id: a\u0001b")),
                new RefusedByTheContainer("header name with a space", raw("GET", "/invoke", "Bad Header: x")),
                new RefusedByTheContainer("header of 64 KiB", raw("GET", "/invoke", "X-Long: " + "a".repeat(65_536))),
                new RefusedByTheContainer("URL of 64 KiB", raw("GET", "/" + "a".repeat(65_536))),
                new RefusedByTheContainer("two Content-Length headers", raw("POST", "/invoke", "Content-Length: 2", "Content-Length: 3") + "{}"),
                new RefusedByTheContainer("Transfer-Encoding then Content-Length",
                        raw("POST", "/invoke", "Transfer-Encoding: chunked", "Content-Length: 4") + "2\r\n{}\r\n0\r\n\r\n"));
    }

    private static String unknownFields(int count) {
        var body = new StringBuilder("{\"prompt\":\"a\"");
        for (int i = 0; i < count; i++) {
            body.append(",\"field").append(i).append("\":1");
        }
        return body.append('}').toString();
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
