package io.auditgate.simulator;

import jakarta.json.JsonObject;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * How one answer is to be written and streamed, where a test wants it different from the derived answer. Every
 * part is optional: a request header wins over an admin rule, an admin rule over the server's options.
 *
 * @param chunks       the exact answer, given as its stream deltas
 * @param tokens       the answer's length in tokens (4 characters each) instead of its natural length
 * @param chunking     how the answer is cut into deltas
 * @param tokenDelayMs the pause between two deltas
 * @param toolInput    the input of the next tool call instead of the one derived from the prompt
 */
record AnswerScript(Optional<Chunking.Exact> chunks, OptionalInt tokens, Optional<Chunking> chunking,
                    OptionalLong tokenDelayMs, Optional<JsonObject> toolInput) {

    static final AnswerScript NONE = new AnswerScript(Optional.empty(), OptionalInt.empty(), Optional.empty(),
            OptionalLong.empty(), Optional.empty());

    AnswerScript {
        Objects.requireNonNull(chunks, "chunks");
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(chunking, "chunking");
        Objects.requireNonNull(tokenDelayMs, "tokenDelayMs");
        Objects.requireNonNull(toolInput, "toolInput");
        if (tokens.isPresent() && tokens.getAsInt() < 1) {
            throw new IllegalArgumentException("tokens must be at least 1: " + tokens.getAsInt());
        }
        if (tokenDelayMs.isPresent() && tokenDelayMs.getAsLong() < 0) {
            throw new IllegalArgumentException("tokenDelayMs must not be negative");
        }
    }

    /** The server's options as a script, the last fallback. */
    static AnswerScript of(SimulatorOptions options) {
        return new AnswerScript(Optional.empty(),
                options.answerTokens() > 0 ? OptionalInt.of(options.answerTokens()) : OptionalInt.empty(),
                Optional.of(options.chunkChars() > 0 ? new Chunking.Chars(options.chunkChars())
                        : new Chunking.Words(options.chunkWords())),
                OptionalLong.of(options.tokenDelayMs()), Optional.empty());
    }

    /** This script, with each part it leaves open taken from {@code fallback}. */
    AnswerScript orElse(AnswerScript fallback) {
        return new AnswerScript(chunks.or(fallback::chunks),
                tokens.isPresent() ? tokens : fallback.tokens,
                chunking.or(fallback::chunking),
                tokenDelayMs.isPresent() ? tokenDelayMs : fallback.tokenDelayMs,
                toolInput.or(fallback::toolInput));
    }

    /** Exact chunks decide the cut themselves; otherwise the chunking, one word per delta by default. */
    Chunking textChunking() {
        return chunks.<Chunking>map(exact -> exact).or(() -> chunking).orElse(Chunking.ONE_WORD);
    }

    /** Tool input arrives in fragments of the configured chunking, 8 characters each by default. */
    Chunking toolChunking() {
        return chunking.filter(Chunking.Chars.class::isInstance).orElse(new Chunking.Chars(8));
    }

    long delayMs() {
        return tokenDelayMs.orElse(0);
    }
}
