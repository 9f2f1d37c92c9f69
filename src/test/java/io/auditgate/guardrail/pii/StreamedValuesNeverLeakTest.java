package io.auditgate.guardrail.pii;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 16's acceptance for output screening: for every PII type of the corpus ({@code pii/corpus.jsonl}), the
 * first {@value #CASES_PER_TYPE} labelled values of that type, each in its own corpus sentence, are streamed split at
 * every position of the value (and two characters either side) across two chunks, split at every pair of positions
 * across three chunks (every pair for values up to {@value #ALL_PAIRS_UP_TO} characters; for longer ones, a private
 * key or a bearer token, every pair on a grid of {@value #GRID} characters plus every pair next to the value's
 * ends), and one character per chunk. The screener screens after every delta, the hardest case for its cuts. Each
 * time the joined output is the whole answer's screening (so every release is a prefix of it and the raw value never
 * appears), and a type under {@code BLOCK} stops the stream before anything of its value was let out.
 */
class StreamedValuesNeverLeakTest {

    private static final int CASES_PER_TYPE = 3;
    private static final int ALL_PAIRS_UP_TO = 40;
    private static final int GRID = 6;

    record Value(String text, PiiType type, int start, int end) {
        String raw() {
            return text.substring(start, end);
        }
    }

    static Stream<Arguments> values() {
        var byType = new EnumMap<PiiType, List<Value>>(PiiType.class);
        for (JsonNode json : corpus()) {
            String text = json.get("text").asText();
            for (JsonNode span : json.get("spans")) {
                var type = PiiType.valueOf(span.get("type").asText());
                var list = byType.computeIfAbsent(type, t -> new ArrayList<>());
                if (list.size() < CASES_PER_TYPE) {
                    list.add(new Value(text, type, span.get("start").asInt(), span.get("end").asInt()));
                }
            }
        }
        assertThat(byType).hasSize(PiiType.values().length);
        return byType.values().stream().flatMap(List::stream)
                .map(v -> Arguments.of(Named.of(v.type() + " " + v.raw().length() + " chars at " + v.start(), v)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("values")
    void aValueSplitAcrossTwoChunksAtEveryPositionIsMaskedAsInTheWholeAnswer(Value value) {
        for (int cut = Math.max(1, value.start() - 2); cut <= Math.min(value.text().length() - 1, value.end() + 2); cut++) {
            var outcome = Streaming.split(value.text(), PiiPolicy.maskAll(), true, cut);
            outcome.matchesTheWholeAnswer();
            assertThat(outcome.text()).doesNotContain(value.raw());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("values")
    void aValueSplitAcrossThreeChunksIsMaskedAsInTheWholeAnswer(Value value) {
        for (int[] cuts : pairs(value)) {
            var outcome = Streaming.split(value.text(), PiiPolicy.maskAll(), true, cuts);
            outcome.matchesTheWholeAnswer();
            assertThat(outcome.text()).doesNotContain(value.raw());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("values")
    void aValueSentOneCharacterPerChunkIsMaskedAsInTheWholeAnswer(Value value) {
        var outcome = Streaming.byCharacter(value.text(), PiiPolicy.maskAll());
        outcome.matchesTheWholeAnswer();
        assertThat(outcome.text()).doesNotContain(value.raw());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("values")
    void aBlockedTypeStopsTheStreamBeforeAnythingOfItsValueIsReleased(Value value) {
        var policy = PiiPolicy.of(Map.of(value.type(), PiiAction.BLOCK));
        var splits = new ArrayList<int[]>();
        for (int cut = value.start(); cut <= value.end(); cut++) {
            splits.add(new int[] {cut});
        }
        splits.add(new int[0]);
        for (int[] cuts : splits) {
            assertStopsBeforeTheValue(value, Streaming.split(value.text(), policy, true, cuts));
        }
        assertStopsBeforeTheValue(value, Streaming.byCharacter(value.text(), policy));
    }

    private static void assertStopsBeforeTheValue(Value value, Streaming.Outcome outcome) {
        assertThat(outcome.screen().isBlocked()).isTrue();
        assertThat(outcome.screen().blocked()).contains(value.type());
        String whole = outcome.whole().modelText();
        assertThat(whole).startsWith(outcome.text());
        // the first value of the blocked type is where its placeholder first appears in the whole answer's screening
        assertThat(outcome.text().length()).isLessThanOrEqualTo(whole.indexOf("[" + value.type().name() + "_"));
        assertThat(outcome.recordText()).doesNotContain("[" + value.type().name() + "_");
    }

    /** Every pair of cuts inside the value for short values; a grid plus the ends' neighbourhoods for long ones. */
    private static List<int[]> pairs(Value value) {
        var pairs = new ArrayList<int[]>();
        int length = value.end() - value.start();
        for (int i = value.start(); i < value.end(); i++) {
            for (int j = i + 1; j <= value.end(); j++) {
                boolean nearEnds = i < value.start() + 3 || j > value.end() - 3;
                if (length <= ALL_PAIRS_UP_TO || nearEnds
                        || ((i - value.start()) % GRID == 0 && (j - value.start()) % GRID == 0)) {
                    pairs.add(new int[] {i, j});
                }
            }
        }
        return pairs;
    }

    private static List<JsonNode> corpus() {
        var mapper = new ObjectMapper();
        var lines = new ArrayList<JsonNode>();
        var stream = StreamedValuesNeverLeakTest.class.getResourceAsStream("/pii/corpus.jsonl");
        try (var reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                if (!line.isBlank()) {
                    lines.add(mapper.readTree(line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }
}
