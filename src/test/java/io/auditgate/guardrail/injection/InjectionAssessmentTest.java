package io.auditgate.guardrail.injection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InjectionAssessmentTest {

    @Test
    void combinesSignalWeightsAsOneMinusTheProductOfTheirComplements() {
        var assessment = InjectionAssessment.of(List.of(
                new InjectionSignal(Technique.INSTRUCTION_OVERRIDE, 0.5),
                new InjectionSignal(Technique.INVISIBLE_CHARACTERS, 0.4)));

        assertThat(assessment.score()).isCloseTo(1 - 0.5 * 0.6, within(1e-9));
    }

    @Test
    void scoresZeroWithoutSignals() {
        assertThat(InjectionAssessment.of(List.of()).score()).isZero();
    }

    @Test
    void copiesTheSignalList() {
        var signals = new ArrayList<>(List.of(new InjectionSignal(Technique.HEX_PAYLOAD, 0.7)));
        var assessment = InjectionAssessment.of(signals);
        signals.clear();

        assertThat(assessment.signals()).hasSize(1);
    }

    @Test
    void rejectsScoresOutsideZeroToOne() {
        assertThatIllegalArgumentException().isThrownBy(() -> new InjectionAssessment(1.5, List.of()));
    }

    @Test
    void rejectsSignalWeightsOutsideZeroToOne() {
        assertThatIllegalArgumentException().isThrownBy(() -> new InjectionSignal(Technique.HEX_PAYLOAD, 0.0));
    }
}
