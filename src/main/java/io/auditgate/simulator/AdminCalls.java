package io.auditgate.simulator;

import com.sun.net.httpserver.HttpExchange;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.util.function.Function;

/**
 * The unsigned {@code /_sim/} endpoints that let a test in another process set faults and answers and read
 * statistics: POST/DELETE {@code /_sim/faults} and {@code /_sim/answers}, POST {@code /_sim/reset},
 * GET {@code /_sim/stats}.
 */
final class AdminCalls {

    static final String PREFIX = "/_sim/";

    private final Rules<Injection> faults;
    private final Rules<AnswerScript> answers;
    private final Stats stats;

    AdminCalls(Rules<Injection> faults, Rules<AnswerScript> answers, Stats stats) {
        this.faults = faults;
        this.answers = answers;
        this.stats = stats;
    }

    void serve(HttpExchange exchange, String path, byte[] body) throws IOException {
        String method = exchange.getRequestMethod();
        switch (path) {
            case "/_sim/faults" -> manage(exchange, body, faults, AdminRules::fault);
            case "/_sim/answers" -> manage(exchange, body, answers, AdminRules::answer);
            case "/_sim/reset" -> {
                allow(method, "POST");
                faults.clear();
                answers.clear();
                stats.reset();
                Replies.empty(exchange, 204);
            }
            case "/_sim/stats" -> {
                allow(method, "GET");
                Replies.json(exchange, 200, Json.bytes(stats.json()));
            }
            default -> throw new BedrockFailure(BedrockError.UNKNOWN_OPERATION, "Unknown simulator endpoint " + path);
        }
    }

    /** POST adds a rule, DELETE removes them all. */
    private static <T> void manage(HttpExchange exchange, byte[] body, Rules<T> rules,
                                   Function<JsonObject, T> value) throws IOException {
        if (exchange.getRequestMethod().equals("POST")) {
            JsonObject json = Json.parse(body);
            rules.add(AdminRules.scope(json), value.apply(json));
        } else {
            allow(exchange.getRequestMethod(), "DELETE");
            rules.clear();
        }
        Replies.empty(exchange, 204);
    }

    private static void allow(String method, String allowed) {
        if (!method.equals(allowed)) {
            throw new BedrockFailure(BedrockError.METHOD_NOT_ALLOWED, "Use " + allowed + " here, not " + method + ".");
        }
    }
}
