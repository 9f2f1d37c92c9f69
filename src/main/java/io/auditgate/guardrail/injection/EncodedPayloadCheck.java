package io.auditgate.guardrail.injection;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * Decodes plausible base64 or hex runs and rescans the decoded text with every check. Only runs that decode
 * to readable UTF-8 are rescanned, and the work is bounded: at most {@value #MAX_RUNS} runs of at most
 * {@value #MAX_RUN_CHARS} characters each are decoded per text, and decoded runs that are themselves base64 or hex
 * are rescanned (and so decoded again) up to the detector's depth limit. A readable payload that scores as an injection
 * is stronger evidence than the same words in the clear, because hiding them has no innocent purpose.
 *
 * @param encoding the encoding this check decodes
 */
record EncodedPayloadCheck(Encoding encoding) implements Check {

    static final int MAX_RUNS = 16;
    static final int MAX_RUN_CHARS = 4096;
    private static final double HIDING = 0.35;
    private static final double MIN_READABLE = 0.9;

    EncodedPayloadCheck {
        Objects.requireNonNull(encoding, "encoding");
    }

    @Override
    public Optional<InjectionSignal> inspect(ScannedText text, Rescan rescan) {
        if (!encoding.mayHoldRun(text.raw())) {
            return Optional.empty();
        }
        double worst = 0.0;
        Matcher runs = encoding.run().matcher(text.raw());
        for (int decoded = 0; decoded < MAX_RUNS && runs.find(); decoded++) {
            String run = text.raw().substring(runs.start(), Math.min(runs.end(), runs.start() + MAX_RUN_CHARS));
            worst = Math.max(worst, encoding.decode(run).flatMap(EncodedPayloadCheck::readable)
                    .map(rescan::score).orElse(0.0));
        }
        return worst > 0.0
                ? Optional.of(new InjectionSignal(encoding.technique(), InjectionAssessment.combine(HIDING, worst)))
                : Optional.empty();
    }

    /** Whether the decoded text is itself one encoded run, as when base64 is wrapped in base64. */
    private static boolean isEncodedRun(String text) {
        return Arrays.stream(Encoding.values()).anyMatch(encoding -> encoding.run().matcher(text).matches());
    }

    /** Strict UTF-8, mostly letters, digits, spaces and common punctuation, with a space or itself encoded. */
    private static Optional<String> readable(byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException binary) {
            return Optional.empty();
        }
        long plain = text.chars().filter(c -> Character.isLetterOrDigit(c) || " .,:;!?'\"-()\n".indexOf(c) >= 0)
                .count();
        boolean words = text.indexOf(' ') >= 0 || isEncodedRun(text);
        boolean readable = words && plain >= MIN_READABLE * text.length();
        return readable ? Optional.of(text) : Optional.empty();
    }
}
