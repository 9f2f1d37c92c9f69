package io.auditgate.simulator;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Supplier;

/** Reads the JSON bodies of {@code POST /_sim/faults} and {@code POST /_sim/answers}; bad values are a 400. */
final class AdminRules {

    private AdminRules() {
    }

    static RuleScope scope(JsonObject json) {
        return checked(() -> new RuleScope(Json.longAt(json, "times").orElse(1L).intValue(),
                Json.stringAt(json, "model"), Json.stringAt(json, "promptContains")));
    }

    static Injection fault(JsonObject json) {
        String name = Json.stringAt(json, "fault").orElseThrow(() -> PromptRules.invalid("fault is required"));
        Fault fault = Fault.named(name).orElseThrow(() -> PromptRules.invalid("Unknown fault: " + name));
        long fallbackDelay = fault == Fault.STREAM_STALL ? Fault.DEFAULT_STALL_MS : 0;
        return checked(() -> new Injection(fault, Json.longAt(json, "delayMs").orElse(fallbackDelay),
                optionalInt(json, "afterDeltas")));
    }

    static AnswerScript answer(JsonObject json) {
        Optional<String> text = Json.stringAt(json, "text");
        Optional<JsonArray> chunks = Json.arrayAt(json, "chunks");
        if (text.isPresent() && chunks.isPresent()) {
            throw PromptRules.invalid("Give text or chunks, not both");
        }
        return checked(() -> {
            Optional<Chunking> chunking = chunking(json);
            Optional<Chunking.Exact> exact = chunks.map(AdminRules::strings).map(Chunking.Exact::new)
                    .or(() -> text.map(whole -> new Chunking.Exact(
                            chunking.orElse(Chunking.ONE_WORD).split(whole))));
            return new AnswerScript(exact, optionalInt(json, "tokens"), chunking,
                    Json.longAt(json, "tokenDelayMs").map(OptionalLong::of).orElse(OptionalLong.empty()),
                    Json.objectAt(json, "toolInput"));
        });
    }

    /** A whole text is cut by chunkChars or chunkWords when given, else one word per delta. */
    private static Optional<Chunking> chunking(JsonObject json) {
        OptionalInt chars = optionalInt(json, "chunkChars");
        OptionalInt words = optionalInt(json, "chunkWords");
        if (chars.isPresent()) {
            return Optional.of(new Chunking.Chars(chars.getAsInt()));
        }
        return words.isPresent() ? Optional.of(new Chunking.Words(words.getAsInt())) : Optional.empty();
    }

    private static OptionalInt optionalInt(JsonObject json, String key) {
        return Json.longAt(json, key).map(value -> OptionalInt.of(value.intValue())).orElse(OptionalInt.empty());
    }

    private static List<String> strings(JsonArray array) {
        List<String> strings = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            strings.add(Json.stringIn(array, i));
        }
        return strings;
    }

    private static <T> T checked(Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            throw PromptRules.invalid(e.getMessage());
        }
    }
}
