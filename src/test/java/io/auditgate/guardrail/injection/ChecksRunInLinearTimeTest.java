package io.auditgate.guardrail.injection;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditgate.guardrail.AdversarialInputs;
import io.auditgate.guardrail.CpuTime;
import java.util.ArrayList;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The normaliser, the deobfuscator, each check alone and the whole detector on every adversarial 256 KB prompt, and
 * the whole detector on every anchor of every phrase cue repeated: each must finish within {@link CpuTime#BOUND} of
 * CPU. A leading cue is tried at every occurrence of its anchor, so an unbounded quantifier after the anchor costs
 * time quadratic in a run of anchors.
 */
class ChecksRunInLinearTimeTest {

    private static final InjectionDetector DETECTOR = new InjectionDetector();

    static Stream<Arguments> partsAndInputs() {
        var parts = new ArrayList<Named<Consumer<String>>>();
        parts.add(Named.of("Normaliser", Normaliser::fold));
        parts.add(Named.of("Deobfuscator", text -> Deobfuscator.deobfuscate(Normaliser.fold(text))));
        for (Check check : InjectionDetector.CHECKS) {
            String name = check instanceof PhraseCheck phrases ? phrases.technique() + " phrases"
                    : check instanceof Record ? check.toString() : check.getClass().getSimpleName();
            parts.add(Named.of(name, text -> check.inspect(ScannedText.of(text, InjectionDetector.PLAIN_ANCHORS,
                    InjectionDetector.SQUASHED_ANCHORS), hidden -> DETECTOR.assess(hidden).score())));
        }
        parts.add(Named.of("InjectionDetector", DETECTOR::assess));
        return parts.stream().flatMap(part -> AdversarialInputs.all().map(input -> Arguments.of(part, input)));
    }

    static Stream<Named<String>> anchorsRepeated() {
        return InjectionDetector.CHECKS.stream()
                .filter(PhraseCheck.class::isInstance)
                .map(PhraseCheck.class::cast)
                .flatMap(check -> Stream.concat(check.cues().stream(), check.compactCues().stream()))
                .flatMap(cue -> cue.anchors().stream())
                .distinct()
                .flatMap(anchor -> Stream.of(anchor, anchor + " "))
                .map(unit -> Named.of("\"" + unit + "\" repeated",
                        AdversarialInputs.repeat(unit, AdversarialInputs.LENGTH)));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("partsAndInputs")
    void finishesWithinASecondOfCpuOnAnAdversarialPrompt(Consumer<String> part, String prompt) {
        assertThat(CpuTime.ofWarm(part, prompt)).isLessThan(CpuTime.BOUND);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("anchorsRepeated")
    void assessesEveryAnchorRepeatedWithinASecondOfCpu(String prompt) {
        assertThat(CpuTime.ofWarm(DETECTOR::assess, prompt)).isLessThan(CpuTime.BOUND);
    }
}
