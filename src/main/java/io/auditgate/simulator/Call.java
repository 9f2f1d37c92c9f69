package io.auditgate.simulator;

import com.sun.net.httpserver.HttpExchange;
import java.util.Objects;

/**
 * One model request that passed routing and fault injection and is to be answered.
 *
 * @param exchange     the HTTP exchange to answer on
 * @param model        the resolved model
 * @param body         the raw request body
 * @param startedNanos when the request arrived, for latency metrics
 * @param streamError  whether a stream should break off with an in-stream error
 * @param tokenDelayMs pause between streamed deltas
 */
record Call(HttpExchange exchange, Model model, byte[] body, long startedNanos, boolean streamError,
            long tokenDelayMs) {

    Call {
        Objects.requireNonNull(exchange, "exchange");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(body, "body");
    }

    long elapsedMs() {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    /** How many deltas a broken stream sends before its error: a few, but never the whole answer. */
    static int deltasBeforeError(int deltas) {
        return Math.min(3, deltas / 2);
    }
}
