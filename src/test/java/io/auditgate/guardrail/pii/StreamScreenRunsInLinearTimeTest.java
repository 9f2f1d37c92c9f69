package io.auditgate.guardrail.pii;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditgate.guardrail.AdversarialInputs;
import io.auditgate.guardrail.CpuTime;
import java.io.IOException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A streamed answer costs CPU time linear in its length however it is chunked: the units of
 * {@link AdversarialInputs} repeated to {@value #LENGTH} characters (16,000 tokens, more than models answer in one
 * go) and streamed three characters per delta, and the whole PII corpus repeated to the same length and streamed one
 * character per delta, each within {@link CpuTime#BOUND}. A screener that re-screened everything held (or the whole
 * answer) at every delta would cost minutes here. The bound is the prompt tests' own at a quarter of their length:
 * each character is screened about twice, and the whole-answer screen's cap on libphonenumber calls per text
 * ({@code PhoneRecognizer.MAX_LIBRARY_CALLS}) is per screening pass here, so a stream of nothing but phone-shaped
 * numbers costs about twice the uncapped detector.
 */
class StreamScreenRunsInLinearTimeTest {

    static final int LENGTH = 64 * 1024;
    private static final PiiDetector DETECTOR = new PiiDetector();

    static Stream<Named<String>> inputs() {
        return AdversarialInputs.all().map(input -> Named.of(input.getName(), input.getPayload().substring(0,
                Character.isHighSurrogate(input.getPayload().charAt(LENGTH - 1)) ? LENGTH - 1 : LENGTH)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    void anAdversarialAnswerStreamedInSmallDeltasFinishesWithinASecondOfCpu(String answer) {
        assertThat(CpuTime.ofWarm(text -> stream(text, 3), answer)).isLessThan(CpuTime.BOUND);
    }

    @Test
    void aLongAnswerFullOfValuesStreamedOneCharacterAtATimeFinishesWithinASecondOfCpu() throws IOException {
        String answer = AdversarialInputs.repeat(String.join("\n", StreamScreenTest.corpusTexts()) + "\n",
                LENGTH);
        assertThat(CpuTime.ofWarm(text -> stream(text, 1), answer)).isLessThan(CpuTime.BOUND);
    }

    private static void stream(String answer, int delta) {
        var screen = new StreamScreen(DETECTOR, PiiPolicy.maskAll(), new Placeholders());
        for (int i = 0; i < answer.length(); i += delta) {
            screen.accept(answer.substring(i, Math.min(answer.length(), i + delta)));
        }
        screen.finish();
    }
}
