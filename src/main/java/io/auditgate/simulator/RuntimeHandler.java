package io.auditgate.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;

/**
 * The one HTTP handler: admin endpoints, then the signature check, routing, and the operation. Every response
 * carries an {@code x-amzn-RequestId}; every failure becomes the service's error shape, never a stack trace.
 */
final class RuntimeHandler implements HttpHandler {

    private static final String SIGNATURE_PREFIX = "AWS4-HMAC-SHA256 Credential=";

    private final AdminCalls admin;
    private final ModelCalls models;

    RuntimeHandler(AdminCalls admin, ModelCalls models) {
        this.admin = admin;
        this.models = models;
    }

    @Override
    public void handle(HttpExchange exchange) {
        exchange.getResponseHeaders().set("x-amzn-RequestId", Replies.requestId());
        try {
            String path = exchange.getRequestURI().getRawPath();
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (path.startsWith(AdminCalls.PREFIX)) {
                admin.serve(exchange, path, body);
                return;
            }
            requireSignature(exchange);
            Route route = Route.of(exchange.getRequestMethod(), path);
            if (route instanceof Route.ModelRoute model) {
                models.serve(exchange, model, body);
            } else if (route instanceof Route.GuardrailRoute guardrail) {
                GuardrailCalls.apply(exchange, guardrail, body);
            }
        } catch (BedrockFailure failure) {
            fail(exchange, failure);
        } catch (IOException e) {
            exchange.close();
        } catch (DroppedConnection drop) {
            throw drop;
        } catch (RuntimeException e) {
            fail(exchange, new BedrockFailure(BedrockError.INTERNAL_SERVER,
                    "The simulator failed unexpectedly: " + e.getClass().getSimpleName()));
        }
    }

    /** Signatures are never verified; a request only has to look signed, as the SDK's always do. */
    private static void requireSignature(HttpExchange exchange) {
        var headers = exchange.getRequestHeaders();
        String authorization = headers.getFirst("Authorization");
        if (authorization == null || !authorization.startsWith(SIGNATURE_PREFIX)
                || headers.getFirst("X-Amz-Date") == null) {
            throw new BedrockFailure(BedrockError.MISSING_AUTHENTICATION_TOKEN, "Missing Authentication Token");
        }
    }

    private static void fail(HttpExchange exchange, BedrockFailure failure) {
        try {
            if (exchange.getResponseCode() == -1) {
                Replies.error(exchange, failure);
            }
        } catch (IOException e) {
            // the client is gone; nothing left to tell it
        } finally {
            exchange.close();
        }
    }
}
