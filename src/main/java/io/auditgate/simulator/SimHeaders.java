package io.auditgate.simulator;

import com.sun.net.httpserver.Headers;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The {@code x-sim-*} request headers that choose a fault or shape the answer of one request. They win over admin
 * rules. A header with a bad value is the caller's mistake: a 400 ValidationException that names it.
 */
final class SimHeaders {

    static final String FAULT = "x-sim-fault";
    static final String LATENCY = "x-sim-latency-ms";
    static final String FAULT_AFTER = "x-sim-fault-after";
    static final String STALL = "x-sim-stall-ms";
    static final String ANSWER_TOKENS = "x-sim-answer-tokens";
    static final String CHUNK_WORDS = "x-sim-chunk-words";
    static final String CHUNK_CHARS = "x-sim-chunk-chars";
    static final String TOKEN_DELAY = "x-sim-token-delay-ms";
    private static final long DEFAULT_LATENCY_FAULT_MS = 1000;

    private final Headers headers;

    SimHeaders(Headers headers) {
        this.headers = headers;
    }

    long latencyMs() {
        return number(LATENCY).orElse(0);
    }

    Optional<Injection> fault() {
        String name = headers.getFirst(FAULT);
        if (name == null) {
            return Optional.empty();
        }
        Fault fault = Fault.named(name.trim()).orElseThrow(() -> PromptRules.invalid(
                "Unknown simulator fault in " + FAULT + ": " + name));
        long delay = switch (fault) {
            case LATENCY -> latencyMs() == 0 ? DEFAULT_LATENCY_FAULT_MS : 0;
            case STREAM_STALL -> number(STALL).orElse(Fault.DEFAULT_STALL_MS);
            default -> 0;
        };
        OptionalLong after = number(FAULT_AFTER);
        return Optional.of(new Injection(fault, delay,
                after.isPresent() ? OptionalInt.of((int) after.getAsLong()) : OptionalInt.empty()));
    }

    AnswerScript script() {
        OptionalLong tokens = number(ANSWER_TOKENS);
        OptionalLong words = number(CHUNK_WORDS);
        OptionalLong chars = number(CHUNK_CHARS);
        try {
            Optional<Chunking> chunking = chars.isPresent() ? Optional.of(new Chunking.Chars((int) chars.getAsLong()))
                    : words.isPresent() ? Optional.of(new Chunking.Words((int) words.getAsLong())) : Optional.empty();
            return new AnswerScript(Optional.empty(),
                    tokens.isPresent() ? OptionalInt.of((int) tokens.getAsLong()) : OptionalInt.empty(),
                    chunking, number(TOKEN_DELAY), Optional.empty());
        } catch (IllegalArgumentException e) {
            throw PromptRules.invalid("Bad simulator header: " + e.getMessage());
        }
    }

    private OptionalLong number(String header) {
        String value = headers.getFirst(header);
        if (value == null) {
            return OptionalLong.empty();
        }
        try {
            long number = Long.parseLong(value.trim());
            if (number < 0 || number > Integer.MAX_VALUE) {
                throw new NumberFormatException();
            }
            return OptionalLong.of(number);
        } catch (NumberFormatException e) {
            throw PromptRules.invalid("The " + header + " header must be a number from 0 to "
                    + Integer.MAX_VALUE + ": " + value);
        }
    }
}
