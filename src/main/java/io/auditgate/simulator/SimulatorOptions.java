package io.auditgate.simulator;

import java.util.Objects;

/**
 * How a simulator instance runs.
 *
 * @param host         the address to bind; loopback unless deliberately changed
 * @param port         the port to bind; 0 picks a free one
 * @param latencyMs    added before every model response
 * @param tokenDelayMs pause between two streamed deltas
 * @param answerTokens the length of every answer in tokens (4 characters each); 0 keeps the natural length
 * @param chunkWords   words per streamed text delta; 0 when the stream is cut by characters
 * @param chunkChars   characters per streamed delta; 0 when the stream is cut by words
 */
public record SimulatorOptions(String host, int port, long latencyMs, long tokenDelayMs, int answerTokens,
                               int chunkWords, int chunkChars) {

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
        if (answerTokens < 0) {
            throw new IllegalArgumentException("answerTokens must not be negative: " + answerTokens);
        }
        if (chunkWords < 0 || chunkChars < 0 || (chunkWords > 0) == (chunkChars > 0)) {
            throw new IllegalArgumentException("exactly one of chunkWords and chunkChars is positive");
        }
    }

    /** Loopback, a free port, no added latency, natural answer length, one word per delta. */
    public static SimulatorOptions defaults() {
        return new SimulatorOptions("127.0.0.1", 0, 0, 0, 0, 1, 0);
    }

    public SimulatorOptions withHost(String newHost) {
        return new SimulatorOptions(newHost, port, latencyMs, tokenDelayMs, answerTokens, chunkWords, chunkChars);
    }

    public SimulatorOptions withPort(int newPort) {
        return new SimulatorOptions(host, newPort, latencyMs, tokenDelayMs, answerTokens, chunkWords, chunkChars);
    }

    public SimulatorOptions withLatencyMs(long newLatencyMs) {
        return new SimulatorOptions(host, port, newLatencyMs, tokenDelayMs, answerTokens, chunkWords, chunkChars);
    }

    public SimulatorOptions withTokenDelayMs(long newTokenDelayMs) {
        return new SimulatorOptions(host, port, latencyMs, newTokenDelayMs, answerTokens, chunkWords, chunkChars);
    }

    /** Every answer {@code tokens} long (4 characters a token), unless a limit or a stop sequence cuts it. */
    public SimulatorOptions withAnswerTokens(int tokens) {
        return new SimulatorOptions(host, port, latencyMs, tokenDelayMs, tokens, chunkWords, chunkChars);
    }

    /** Streams {@code words} words per delta (the default is 1). */
    public SimulatorOptions withChunkWords(int words) {
        return new SimulatorOptions(host, port, latencyMs, tokenDelayMs, answerTokens, words, 0);
    }

    /** Streams {@code characters} characters per delta instead of cutting at words. */
    public SimulatorOptions withChunkChars(int characters) {
        return new SimulatorOptions(host, port, latencyMs, tokenDelayMs, answerTokens, 0, characters);
    }
}
