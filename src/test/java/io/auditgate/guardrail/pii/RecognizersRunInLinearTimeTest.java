package io.auditgate.guardrail.pii;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditgate.guardrail.AdversarialInputs;
import io.auditgate.guardrail.CpuTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each recognizer alone, the whole detector and the screen, on every adversarial 256 KB prompt: each must finish
 * within {@link CpuTime#BOUND} of CPU. A scan that restarts at every occurrence of its prefix and runs on to the end
 * of the text costs minutes here; a linear one costs milliseconds.
 */
class RecognizersRunInLinearTimeTest {

    static Stream<Arguments> detectorsAndInputs() {
        var detectors = new ArrayList<Named<Consumer<String>>>();
        for (Recognizer recognizer : List.of(new PrivateKeyRecognizer(), new BearerTokenRecognizer(),
                new AwsKeyRecognizer(), new EmailRecognizer(), new IbanRecognizer(), new CardRecognizer(),
                new SsnRecognizer(), new RoutingNumberRecognizer(), new NhsNumberRecognizer(), new NinoRecognizer(),
                new IpAddressRecognizer(), new MacAddressRecognizer(), new PhoneRecognizer())) {
            detectors.add(Named.of(recognizer.getClass().getSimpleName(),
                    text -> recognizer.scan(Tokens.of(NormalisedText.of(text).text()), new ArrayList<>())));
        }
        var detector = new PiiDetector();
        detectors.add(Named.of("PiiDetector", detector::detect));
        var screen = new PiiScreen(detector);
        detectors.add(Named.of("PiiScreen", text -> screen.screen(text, PiiPolicy.maskAll(), new Placeholders())));
        return detectors.stream().flatMap(d -> AdversarialInputs.all().map(input -> Arguments.of(d, input)));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("detectorsAndInputs")
    void finishesWithinASecondOfCpuOnAnAdversarialPrompt(Consumer<String> detector, String prompt) {
        assertThat(CpuTime.ofWarm(detector, prompt)).isLessThan(CpuTime.BOUND);
    }
}
