package io.auditgate.quota;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Counting a text in pieces gives what counting it whole gives, wherever it is cut. */
class TokenEstimateTest {

    /** ASCII, 2-byte, 3-byte, both halves of a surrogate pair: every width, and lone halves. */
    private static final char[] ALPHABET = {'a', ' ', 'é', 'Ж', '日', '→', '\uD83D', '\uDE00', '\uD800', '\uDC00'};

    @Test
    void countsUtf8BytesOfWellFormedText() {
        var text = "héllo 日本語 😀 wörld";

        assertThat(new TokenEstimate().add(text).bytes()).isEqualTo(text.getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void aSurrogatePairCutBetweenPiecesCountsFourBytes() {
        var estimate = new TokenEstimate().add("x\uD83D").add("").add("\uDE00y");

        assertThat(estimate.bytes()).isEqualTo(6);
    }

    @Test
    void aLoneHighSurrogateAtTheEndOfAPieceCountsThreeBytes() {
        assertThat(new TokenEstimate().add("x\uD83D").add("y").bytes()).isEqualTo(5);
        assertThat(new TokenEstimate().add("x\uD83D").bytes()).isEqualTo(4);
    }

    @Test
    void anyCutOfAnyTextCountsWhatTheWholeTextCounts() {
        var random = new Random(42);
        for (int round = 0; round < 10_000; round++) {
            var text = randomText(random, random.nextInt(12));
            var estimate = new TokenEstimate();
            int from = 0;
            while (from < text.length()) {
                int to = from + random.nextInt(text.length() - from + 1);
                estimate.add(text.substring(from, to));
                from = to;
            }
            assertThat(estimate.bytes()).as(text).isEqualTo(wholeUtf8Length(text));
            assertThat(estimate.tokens()).as(text).isEqualTo(Pricing.estimatedTokens(text));
        }
    }

    private static String randomText(Random random, int length) {
        var text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return text.toString();
    }

    /** The whole-text count as Pricing had it before pieces: the oracle. */
    private static long wholeUtf8Length(CharSequence text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            var c = text.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
