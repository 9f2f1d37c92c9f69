package io.auditgate.guardrail.pii;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Writes {@code src/test/resources/pii/corpus.jsonl}. Not a test: run it by hand when the templates change, review
 * the diff, and commit the file. {@link PiiCorpusTest} reads only the committed file.
 *
 * <pre>java -cp target/test-classes:target/classes:$(cat cp.txt) io.auditgate.guardrail.pii.CorpusGenerator</pre>
 */
final class CorpusGenerator {

    private static final List<String> FIRST = List.of("jane", "john", "amelia", "oliver", "priya", "raj", "sophie",
            "lukas", "marie", "pierre", "emma", "noah", "fatima", "chen", "aisha", "tom");
    private static final List<String> LAST = List.of("doe", "smith", "patel", "mueller", "dubois", "jones", "khan",
            "wright", "garcia", "nguyen", "okafor", "schmidt", "martin", "brown");
    private static final List<String> DOMAINS = List.of("example.com", "northbank.co.uk", "acme-insurance.com",
            "stmarys.nhs.uk", "gmail.com", "outlook.com", "web.de", "orange.fr", "rediffmail.com", "clinic.org",
            "mutual-life.com", "support.fintech.io");

    private final TestValues v;
    private final PhoneNumberUtil phones = PhoneNumberUtil.getInstance();

    CorpusGenerator(long seed) {
        this.v = new TestValues(new Random(seed));
    }

    public static void main(String[] args) throws IOException {
        var generator = new CorpusGenerator(20240607L);
        var cases = generator.cases();
        var mapper = new ObjectMapper();
        var lines = new ArrayList<String>();
        for (CorpusCase c : cases) {
            var spans = new ArrayList<Map<String, Object>>();
            for (CorpusCase.Span s : c.spans()) {
                var span = new LinkedHashMap<String, Object>();
                span.put("type", s.type().name());
                span.put("start", s.start());
                span.put("end", s.end());
                span.put("value", c.text().substring(s.start(), s.end()));
                spans.add(span);
            }
            var json = new LinkedHashMap<String, Object>();
            json.put("id", c.id());
            json.put("domain", c.domain());
            json.put("text", c.text());
            json.put("spans", spans);
            lines.add(mapper.writeValueAsString(json));
        }
        Path out = Path.of(args.length > 0 ? args[0] : "src/test/resources/pii/corpus.jsonl");
        Files.write(out, lines, StandardCharsets.UTF_8);
        System.out.println("wrote " + lines.size() + " cases to " + out);
    }

    List<CorpusCase> cases() {
        var templates = new CorpusTemplates(this);
        var cases = new ArrayList<CorpusCase>();
        for (var template : templates.all()) {
            for (int i = 1; i <= template.repeat(); i++) {
                var builder = new CorpusCase.Builder(template.name() + "-" + i, template.domain());
                template.body().accept(builder);
                cases.add(builder.build());
            }
        }
        cases.addAll(new HandwrittenCases().all());
        return cases;
    }

    TestValues values() {
        return v;
    }

    String email() {
        String local = switch (v.between(0, 3)) {
            case 0 -> v.pick(FIRST) + "." + v.pick(LAST);
            case 1 -> v.pick(FIRST).charAt(0) + v.pick(LAST) + v.between(1, 99);
            case 2 -> v.pick(FIRST) + "_" + v.pick(LAST);
            default -> v.pick(FIRST) + "+claims";
        };
        return local + "@" + v.pick(DOMAINS);
    }

    String phone() {
        while (true) {
            String region = v.pick(List.of("US", "US", "GB", "GB", "DE", "FR", "IN"));
            String number = phoneIn(region);
            try {
                if (phones.isValidNumber(phones.parse(number, region))) {
                    return number;
                }
            } catch (com.google.i18n.phonenumbers.NumberParseException e) {
                // try another
            }
        }
    }

    private String phoneIn(String region) {
        String area = v.pick(List.of("212", "415", "617", "312", "646", "202", "305", "713", "206", "404"));
        String exchange = v.between(2, 9) + v.digits(2);
        Map<String, List<Supplier<String>>> formats = Map.of(
                "US", List.of(() -> "(" + area + ") " + exchange + "-" + v.digits(4),
                        () -> area + "-" + exchange + "-" + v.digits(4),
                        () -> area + "." + exchange + "." + v.digits(4),
                        () -> "+1 " + area + " " + exchange + " " + v.digits(4),
                        () -> "1-800-" + exchange + "-" + v.digits(4)),
                "GB", List.of(() -> "020 7946 0" + v.digits(3), () -> "07700 900" + v.digits(3),
                        () -> "+44 20 7946 0" + v.digits(3), () -> "+44 7700 900" + v.digits(3),
                        () -> "0161 496 0" + v.digits(3), () -> "+44 (0)113 496 0" + v.digits(3)),
                "DE", List.of(() -> "+49 30 " + v.digits(8), () -> "030 " + v.digits(8),
                        () -> "0170 " + v.digits(7), () -> "+49 170 " + v.digits(7), () -> "089 " + v.digits(7)),
                "FR", List.of(() -> "01 42 68 " + v.digits(2) + " " + v.digits(2),
                        () -> "06 " + v.digits(2) + " " + v.digits(2) + " " + v.digits(2) + " " + v.digits(2),
                        () -> "+33 6 " + v.digits(2) + " " + v.digits(2) + " " + v.digits(2) + " " + v.digits(2)),
                "IN", List.of(() -> "+91 98" + v.digits(3) + " " + v.digits(5), () -> "+91 22 2778 " + v.digits(4),
                        () -> "98" + v.digits(3) + " " + v.digits(5)));
        return v.pick(formats.get(region)).get();
    }

    String card() {
        return v.formatCard(v.card());
    }

    String iban() {
        return v.formatIban(v.iban());
    }

    String ssn() {
        return TestValues.dashedSsn(v.ssn(), v.pick(List.of("-", "-", "-", " ")));
    }

    String nhs() {
        return TestValues.spacedNhs(v.nhsNumber(), v.pick(List.of(" ", " ", "-", "")));
    }
}
