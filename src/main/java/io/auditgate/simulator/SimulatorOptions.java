package io.auditgate.simulator;

import java.util.Objects;

/**
 * How a simulator instance runs.
 *
 * @param host         the address to bind; loopback unless deliberately changed
 * @param port         the port to bind; 0 picks a free one
 * @param latencyMs    added before every model response
 * @param tokenDelayMs pause between two streamed text deltas
 */
public record SimulatorOptions(String host, int port, long latencyMs, long tokenDelayMs) {

    public SimulatorOptions {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 0 and 65535: " + port);
        }
        if (latencyMs < 0 || tokenDelayMs < 0) {
            throw new IllegalArgumentException("delays must not be negative");
        }
    }

    /** Loopback, a free port, no added latency. */
    public static SimulatorOptions defaults() {
        return new SimulatorOptions("127.0.0.1", 0, 0, 0);
    }

    public SimulatorOptions withHost(String newHost) {
        return new SimulatorOptions(newHost, port, latencyMs, tokenDelayMs);
    }

    public SimulatorOptions withPort(int newPort) {
        return new SimulatorOptions(host, newPort, latencyMs, tokenDelayMs);
    }

    public SimulatorOptions withLatencyMs(long newLatencyMs) {
        return new SimulatorOptions(host, port, newLatencyMs, tokenDelayMs);
    }

    public SimulatorOptions withTokenDelayMs(long newTokenDelayMs) {
        return new SimulatorOptions(host, port, latencyMs, newTokenDelayMs);
    }
}
