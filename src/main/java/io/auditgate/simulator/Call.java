package io.auditgate.simulator;

import com.sun.net.httpserver.HttpExchange;
import java.util.Objects;
import java.util.Optional;

/**
 * One model request that passed routing and fault injection and is to be answered.
 *
 * @param exchange     the HTTP exchange to answer on
 * @param model        the resolved model
 * @param body         the raw request body
 * @param startedNanos when the request arrived, for latency metrics
 * @param fault        the mid-stream fault to play, if the request has one
 * @param script       how the answer is written and streamed
 */
record Call(HttpExchange exchange, Model model, byte[] body, long startedNanos, Optional<Injection> fault,
            AnswerScript script) {

    Call {
        Objects.requireNonNull(exchange, "exchange");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(fault, "fault");
        Objects.requireNonNull(script, "script");
    }

    long elapsedMs() {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }
}
