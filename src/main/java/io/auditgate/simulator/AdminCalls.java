package io.auditgate.simulator;

import com.sun.net.httpserver.HttpExchange;
import jakarta.json.JsonObject;
import java.io.IOException;

/**
 * The unsigned {@code /_sim/} endpoints that let a test in another process set faults and read statistics:
 * POST/DELETE {@code /_sim/faults}, POST {@code /_sim/reset}, GET {@code /_sim/stats}.
 */
final class AdminCalls {

    static final String PREFIX = "/_sim/";

    private final FaultRules rules;
    private final Stats stats;

    AdminCalls(FaultRules rules, Stats stats) {
        this.rules = rules;
        this.stats = stats;
    }

    void serve(HttpExchange exchange, String path, byte[] body) throws IOException {
        String method = exchange.getRequestMethod();
        switch (path) {
            case "/_sim/faults" -> {
                if (method.equals("POST")) {
                    rules.add(rule(Json.parse(body)));
                } else {
                    allow(method, "DELETE");
                    rules.clear();
                }
                Replies.empty(exchange, 204);
            }
            case "/_sim/reset" -> {
                allow(method, "POST");
                rules.clear();
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

    private static FaultRule rule(JsonObject json) {
        String name = Json.stringAt(json, "fault").orElseThrow(() -> PromptRules.invalid("fault is required"));
        Fault fault = Fault.named(name).orElseThrow(() -> PromptRules.invalid("Unknown fault: " + name));
        try {
            return new FaultRule(fault, Json.longAt(json, "times").orElse(1L).intValue(),
                    Json.stringAt(json, "model"), Json.stringAt(json, "promptContains"),
                    Json.longAt(json, "delayMs").orElse(0L));
        } catch (IllegalArgumentException e) {
            throw PromptRules.invalid(e.getMessage());
        }
    }

    private static void allow(String method, String allowed) {
        if (!method.equals(allowed)) {
            throw new BedrockFailure(BedrockError.METHOD_NOT_ALLOWED, "Use " + allowed + " here, not " + method + ".");
        }
    }
}
