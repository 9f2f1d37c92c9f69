package io.auditgate.guardrail.injection;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/** The labelled prompts in {@code injection/corpus.jsonl}: one JSON object per line. */
final class Corpus {

    static final String RESOURCE = "/injection/corpus.jsonl";

    record Entry(String text, boolean attack, String note) {
        Entry {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(note, "note");
        }
    }

    private Corpus() {
    }

    static List<Entry> load() {
        var json = new ObjectMapper();
        var stream = Objects.requireNonNull(Corpus.class.getResourceAsStream(RESOURCE), RESOURCE);
        try (var lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            return lines.lines()
                    .filter(line -> !line.isBlank())
                    .map(line -> read(json, line))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Entry read(ObjectMapper json, String line) {
        try {
            return json.readValue(line, Entry.class);
        } catch (IOException e) {
            throw new UncheckedIOException("bad corpus line: " + line, e);
        }
    }
}
