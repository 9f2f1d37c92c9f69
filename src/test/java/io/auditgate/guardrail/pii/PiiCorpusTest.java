package io.auditgate.guardrail.pii;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the detector over the committed, labelled corpus ({@code pii/corpus.jsonl}) and prints a confusion table per
 * type. A detection is a true positive when it overlaps an expected span of the same type.
 */
class PiiCorpusTest {

    private static final Set<PiiType> CHECKSUM_TYPES = EnumSet.of(PiiType.CREDIT_DEBIT_CARD_NUMBER,
            PiiType.INTERNATIONAL_BANK_ACCOUNT_NUMBER, PiiType.US_BANK_ROUTING_NUMBER,
            PiiType.UK_NATIONAL_HEALTH_SERVICE_NUMBER, PiiType.US_SOCIAL_SECURITY_NUMBER);

    private static List<CorpusCase> corpus;
    private static ConfusionTable table;

    @BeforeAll
    static void scoreTheCorpus() throws IOException {
        corpus = load();
        table = new ConfusionTable();
        var detector = new PiiDetector();
        for (CorpusCase c : corpus) {
            table.score(c, detector.detect(c.text()));
        }
        System.out.println(table.render());
        table.mistakes().forEach(System.out::println);
    }

    @Test
    void corpusHasAtLeastThreeHundredCasesWithValuesMatchingTheirOffsets() {
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(300);
        assertThat(corpus.stream().filter(c -> c.spans().isEmpty()).count()).isGreaterThanOrEqualTo(80);
    }

    @Test
    void recallOnChecksumValidatedTypesIsAtLeastNinetyNinePercent() {
        for (PiiType type : CHECKSUM_TYPES) {
            assertThat(table.recall(type)).as("recall of %s", type).isGreaterThanOrEqualTo(0.99);
        }
    }

    @Test
    void overallPrecisionIsAtLeastNinetySevenPercent() {
        assertThat(table.overallPrecision()).isGreaterThanOrEqualTo(0.97);
    }

    @Test
    void everyTypeInTheCorpusIsFoundAtLeastOnce() {
        for (PiiType type : table.expectedTypes()) {
            assertThat(table.truePositives(type)).as("true positives of %s", type).isPositive();
        }
    }

    private static List<CorpusCase> load() throws IOException {
        var mapper = new ObjectMapper();
        var cases = new ArrayList<CorpusCase>();
        var stream = PiiCorpusTest.class.getResourceAsStream("/pii/corpus.jsonl");
        try (var reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    cases.add(parse(mapper.readTree(line)));
                }
            }
        }
        return cases;
    }

    private static CorpusCase parse(JsonNode json) {
        String text = json.get("text").asText();
        var spans = new ArrayList<CorpusCase.Span>();
        for (JsonNode span : json.get("spans")) {
            var parsed = new CorpusCase.Span(PiiType.valueOf(span.get("type").asText()), span.get("start").asInt(),
                    span.get("end").asInt());
            assertThat(text.substring(parsed.start(), parsed.end())).isEqualTo(span.get("value").asText());
            spans.add(parsed);
        }
        return new CorpusCase(json.get("id").asText(), json.get("domain").asText(), text, spans);
    }
}
