package io.auditgate.simulator;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Writes complete (non-streamed) responses: JSON bodies, modeled errors and empty answers. */
final class Replies {

    static final String JSON = "application/json";
    private static final byte[] MALFORMED = "{\"output\":{\"message\":{\"role\":\"assistant\",\"content\":[{\"te"
            .getBytes(StandardCharsets.UTF_8);

    private Replies() {
    }

    /** A random (version 4) UUID without SecureRandom, which would contend at thousands of requests a second. */
    static String requestId() {
        var random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    static void json(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", JSON);
        send(exchange, status, body);
    }

    static void error(HttpExchange exchange, BedrockFailure failure) throws IOException {
        BedrockError error = failure.error();
        exchange.getResponseHeaders().set("X-Amzn-ErrorType", error.errorTypeHeader());
        var body = Json.object().add("message", failure.getMessage());
        if (error == BedrockError.MODEL_ERROR) {
            body.add("originalStatusCode", 500);
        }
        if (error == BedrockError.METHOD_NOT_ALLOWED) {
            exchange.getResponseHeaders().set("Allow", "POST");
        }
        json(exchange, error.status(), Json.bytes(body.build()));
    }

    /** A 200 whose JSON body is cut short, as a broken proxy or a crashed upstream would send it. */
    static void malformed(HttpExchange exchange) throws IOException {
        json(exchange, 200, MALFORMED);
    }

    static void empty(HttpExchange exchange, int status) throws IOException {
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
