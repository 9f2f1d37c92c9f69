package io.auditgate.guardrail.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StreamScreenTest {

    private static final PiiDetector DETECTOR = new PiiDetector();
    private static final String PROSE = "The quarterly review went well, and the team agreed on next steps. "
            + "Please keep the summary short; the board reads it on Monday morning before the call. ";

    @Test
    void theWholeCorpusAsOneAnswerInRandomChunksIsMaskedExactlyAsScreenedWhole() throws IOException {
        String answer = String.join("\n", corpusTexts());
        var random = new Random(16);
        for (boolean everyDelta : new boolean[] {false, true}) {
            var chunks = new ArrayList<String>();
            for (int i = 0; i < answer.length(); ) {
                int next = Math.min(answer.length(), i + 1 + random.nextInt(everyDelta ? 12 : 40));
                chunks.add(answer.substring(i, next));
                i = next;
            }
            Streaming.stream(answer, chunks, PiiPolicy.maskAll(), everyDelta).matchesTheWholeAnswer();
        }
    }

    @Test
    void proseIsReleasedAsItComesAndNeverHeldBeyondAFewWords() {
        String answer = PROSE.repeat(60);
        var screen = new StreamScreen(DETECTOR, PiiPolicy.maskAll(), new Placeholders());
        int released = 0;
        int mostHeld = 0;
        for (int i = 0; i < answer.length(); i++) {
            released += screen.accept(answer.substring(i, i + 1)).text().length();
            mostHeld = Math.max(mostHeld, screen.held());
        }
        assertThat(answer.length() - released).isLessThan(100);
        assertThat(mostHeld).isLessThan(100);
        assertThat(released + screen.finish().text().length()).isEqualTo(answer.length());
    }

    @Test
    void theFirstWordsGoOutAsSoonAsACutSettlesThemNotAfterAWholeStep() {
        var screen = new StreamScreen(DETECTOR, PiiPolicy.maskAll(), new Placeholders());

        assertThat(screen.accept("Sure").text()).isEmpty();
        assertThat(screen.accept(", he").text()).as("the time to first token: the second delta").isEqualTo("Sure, ");
        assertThat(screen.accept("re i").text()).as("then the usual step").isEmpty();
    }

    @Test
    void aNumberAtTheStartIsStillHeldUntilItIsSettled() {
        var screen = new StreamScreen(DETECTOR, PiiPolicy.maskAll(), new Placeholders());
        var sent = new StringBuilder();
        for (String delta : new String[] {"Call", " 020", " 794", "6 03", "21 t", "oday", ". Th", "anks", "."}) {
            sent.append(screen.accept(delta).text());
        }
        sent.append(screen.finish().text());

        assertThat(sent.toString()).isEqualTo("Call [PHONE_1] today. Thanks.");
    }

    @Test
    void textAmongNumbersIsHeldNoLongerThanTheLongestValueAndItsAfterContext() {
        String answer = ("Invoice 12 of 2024 totals 1 234.50 EUR, call 020 7946 0321 or pay to GB82 WEST 1234 5698 7654 32 "
                + "by 30 June. ").repeat(40);
        var screen = new StreamScreen(DETECTOR, PiiPolicy.maskAll(), new Placeholders());
        int mostHeld = 0;
        var text = new StringBuilder();
        for (int i = 0; i < answer.length(); i++) {
            text.append(screen.accept(answer.substring(i, i + 1)).text());
            mostHeld = Math.max(mostHeld, screen.held());
        }
        text.append(screen.finish().text());
        assertThat(mostHeld).isLessThan(240);
        assertThat(text.toString()).isEqualTo(new PiiScreen(DETECTOR).screen(answer, PiiPolicy.maskAll(),
                new Placeholders()).modelText());
    }

    @Test
    void anOpenPrivateKeyIsHeldUntilItsEndLine() {
        String key = "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun\n\n"
                + "VTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxK\n-----END RSA PRIVATE KEY-----";
        String answer = "Here is the key you asked for:\n" + key + "\nKeep it safe.";
        var screen = new StreamScreen(DETECTOR, PiiPolicy.maskAll(), new Placeholders(), true);
        var text = new StringBuilder();
        int endLine = answer.indexOf("-----END");
        for (int i = 0; i < answer.length(); i++) {
            text.append(screen.accept(answer.substring(i, i + 1)).text());
            if (i < endLine) {
                assertThat(text.toString()).doesNotContain("MIIE").doesNotContain("BEGIN").doesNotContain("VTLw");
            }
        }
        text.append(screen.finish().text());
        assertThat(text.toString()).isEqualTo("Here is the key you asked for:\n[PRIVATE_KEY_1]\nKeep it safe.");
    }

    @Test
    void aRoutingNumberConfirmedOnlyByAWordAfterItIsMasked() {
        String answer = "Use 021000021 for the Fedwire routing, then confirm.";
        var outcome = Streaming.byCharacter(answer, PiiPolicy.maskAll());
        outcome.matchesTheWholeAnswer();
        assertThat(outcome.text()).isEqualTo("Use [US_BANK_ROUTING_NUMBER_1] for the Fedwire routing, then confirm.");
    }

    @Test
    void obfuscatedValuesSplitAnywhereAreMaskedAsInTheWholeAnswer() {
        String answer = "Cards: ٤١١١ ١١١١ ١١١١ ١١١١ and 4111\u2062 1111 1111 1111 and \uD835\uDFD2\uD835\uDFCF"
                + "\uD835\uDFCF\uD835\uDFCF 1111 1111 1111; mail jane\u200B.doe@example.com; IBAN gb82\u00ADwest 1234 "
                + "5698 7654 32.";
        for (int cut = 1; cut < answer.length(); cut++) {
            var outcome = Streaming.split(answer, PiiPolicy.maskAll(), true, cut);
            outcome.matchesTheWholeAnswer();
        }
        Streaming.byCharacter(answer, PiiPolicy.maskAll()).matchesTheWholeAnswer();
    }

    @Test
    void theAnswerGoesOnNumberingWhereThePromptStopped() {
        var placeholders = new Placeholders();
        placeholders.placeholderFor(PiiType.EMAIL, "jane.doe@example.com");
        var screen = new StreamScreen(DETECTOR, PiiPolicy.maskAll(), placeholders);
        String text = screen.accept("Write to Jane.Doe@example.com or to ops@example.com ").text() + screen.finish().text();
        assertThat(text).isEqualTo("Write to [EMAIL_1] or to [EMAIL_2] ");
        assertThat(screen.tallies()).isEqualTo(Map.of(PiiType.EMAIL, new Tally(PiiAction.MASK, 2)));
    }

    @Test
    void anAllowedValueStaysInTheTextButNotInTheRecord() {
        var outcome = Streaming.split("Call +44 20 7946 0321 today.", PiiPolicy.of(Map.of(PiiType.PHONE, PiiAction.ALLOW)),
                true, 12);
        outcome.matchesTheWholeAnswer();
        assertThat(outcome.text()).isEqualTo("Call +44 20 7946 0321 today.");
        assertThat(outcome.recordText()).isEqualTo("Call [PHONE_1] today.");
    }

    @Test
    void aBlockedValueStopsTheStreamAndNothingMoreIsReleased() {
        var screen = new StreamScreen(DETECTOR, PiiPolicy.of(Map.of(PiiType.US_SOCIAL_SECURITY_NUMBER, PiiAction.BLOCK)),
                new Placeholders(), true);
        String released = screen.accept("Your file is ready. The SSN on it is 536-2").text()
                + screen.accept("2-1234, and the rest of the letter follows here.").text()
                + screen.accept(" More text.").text() + screen.finish().text();
        assertThat("Your file is ready. The SSN on it is ").startsWith(released);
        assertThat(screen.isBlocked()).isTrue();
        assertThat(screen.stopped()).contains(StreamScreen.Stop.BLOCKED);
        assertThat(screen.blocked()).containsExactly(PiiType.US_SOCIAL_SECURITY_NUMBER);
        assertThat(screen.isHolding()).isFalse();
    }

    @Test
    void anUnbrokenRunLongerThanTheHoldLimitStopsTheStreamWithoutReleasingIt() {
        var screen = new StreamScreen(DETECTOR, PiiPolicy.maskAll(), new Placeholders());
        var released = new StringBuilder(screen.accept("See ").text());
        for (int i = 0; i < StreamScreen.MAX_HELD / 64 + 2; i++) {
            released.append(screen.accept("x".repeat(64)).text());
        }
        released.append(screen.finish().text());
        assertThat(screen.stopped()).contains(StreamScreen.Stop.HOLD_LIMIT);
        assertThat(released.toString()).doesNotContain("x");
    }

    @Test
    void holdingIsReportedWhileTextIsHeldBack() {
        var screen = new StreamScreen(DETECTOR, PiiPolicy.maskAll(), new Placeholders(), true);
        screen.accept("Card 4111 1111");
        assertThat(screen.isHolding()).isTrue();
        assertThat(screen.held()).isPositive();
        screen.accept(" 1111 1111 ok");
        assertThat(screen.finish().text()).endsWith("[CREDIT_DEBIT_CARD_NUMBER_1] ok");
        assertThat(screen.isHolding()).isFalse();
    }

    @Test
    void aFinishedStreamTakesNoMoreText() {
        var screen = new StreamScreen(DETECTOR, PiiPolicy.maskAll(), new Placeholders());
        screen.finish();
        assertThatThrownBy(() -> screen.accept("more")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(screen::finish).isInstanceOf(IllegalStateException.class);
    }

    static List<String> corpusTexts() throws IOException {
        var mapper = new ObjectMapper();
        var texts = new ArrayList<String>();
        var stream = StreamScreenTest.class.getResourceAsStream("/pii/corpus.jsonl");
        try (var reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                if (!line.isBlank()) {
                    texts.add(mapper.readTree(line).get("text").asText());
                }
            }
        }
        return texts;
    }
}
