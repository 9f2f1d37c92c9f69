package io.auditgate.guardrail.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The character scans in {@link NumberShapes} replaced regexes; each must end exactly where {@code lookingAt()} on
 * the old regex ends, on random strings over the characters that matter.
 */
class NumberShapesTest {

    private static final String ALPHABET = "0123456789012345678901234567890123456789 - . ( ) + a/";
    private static final int SAMPLES = 200_000;

    @Test
    void cardRunEndsWhereTheLongestOfItsRegexesEnds() {
        assertAgreesWith(List.of("\\d(?:[ -]?\\d){12,}", "\\d(?:\\.?\\d){12,}", "\\d(?:/?\\d){12,}"),
                NumberShapes::cardRunEnd);
    }

    @Test
    void ssnShapeEndsWhereItsRegexEnds() {
        assertAgreesWith("\\d{3}([- ./]?)\\d{2}\\1\\d{4}", (text, start) -> NumberShapes.groupedEnd(text, start, 2));
    }

    @Test
    void nhsShapeEndsWhereItsRegexEnds() {
        assertAgreesWith("\\d{3}([- ./]?)\\d{3}\\1\\d{4}", (text, start) -> NumberShapes.groupedEnd(text, start, 3));
    }

    @Test
    void routingShapeEndsWhereItsRegexEnds() {
        assertAgreesWith("\\d{3}([- ./]?)\\d{3}\\1\\d{3}", (text, start) -> NumberShapes.groupedEnd(text, start, 3, 3));
    }

    @Test
    void nineDigitsEndWhereTheirRegexEnds() {
        assertAgreesWith("\\d{9}", (text, start) -> NumberShapes.digitsEnd(text, start, 9));
    }

    @Test
    void dottedQuadEndsWhereItsRegexEnds() {
        assertAgreesWith("\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}", NumberShapes::dottedQuadEnd);
    }

    @Test
    void phoneRunEndsWhereItsRegexEnds() {
        assertAgreesWith("\\+?\\(?\\d(?:[ .\\-()/]{0,3}\\d){6,16}", NumberShapes::phoneRunEnd);
    }

    @Test
    void shapesStopAtTheEndOfTheText() {
        assertThat(NumberShapes.cardRunEnd("4111 1111 1111 1111", 0)).isEqualTo(19);
        assertThat(NumberShapes.cardRunEnd("4111.1111.1111.1111", 0)).isEqualTo(19);
        assertThat(NumberShapes.cardRunEnd("4111.1111 1111.1111", 0)).isEqualTo(-1);
        assertThat(NumberShapes.groupedEnd("078-05-112", 0, 2)).isEqualTo(-1);
        assertThat(NumberShapes.phoneRunEnd("+44 20 7946 0958", 0)).isEqualTo(16);
    }

    private static void assertAgreesWith(String regex, Tokens.Extent extent) {
        assertAgreesWith(List.of(regex), extent);
    }

    /** The scan must end where the longest {@code lookingAt()} match of any of {@code regexes} ends. */
    private static void assertAgreesWith(List<String> regexes, Tokens.Extent extent) {
        var patterns = regexes.stream().map(Pattern::compile).toList();
        var random = new Random(20240607);
        for (int n = 0; n < SAMPLES; n++) {
            String text = randomText(random);
            int start = random.nextInt(Math.min(3, text.length()));
            int expected = -1;
            for (Pattern pattern : patterns) {
                var matcher = pattern.matcher(text).region(start, text.length());
                expected = Math.max(expected, matcher.lookingAt() ? matcher.end() : -1);
            }
            assertThat(extent.endAt(text, start)).as("%s at %d of '%s'", regexes, start, text).isEqualTo(expected);
        }
    }

    /** Mostly digits, with separators, so that every regex matches often enough to be tested. */
    private static String randomText(Random random) {
        var text = new StringBuilder();
        int length = 1 + random.nextInt(30);
        for (int i = 0; i < length; i++) {
            text.append(random.nextInt(3) == 0 ? ALPHABET.charAt(random.nextInt(ALPHABET.length()))
                    : (char) ('0' + random.nextInt(10)));
        }
        return text.toString();
    }
}
