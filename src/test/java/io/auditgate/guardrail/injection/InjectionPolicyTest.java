package io.auditgate.guardrail.injection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InjectionPolicyTest {

    private static InjectionAssessment scored(double score) {
        return new InjectionAssessment(score, List.of());
    }

    @Test
    void defaultPolicyFlagsAtOneHalf() {
        assertThat(InjectionPolicy.DEFAULT).isEqualTo(new InjectionPolicy(0.5, InjectionAction.FLAG));
    }

    @Test
    void assessmentCrossesTheThresholdAtOrAboveIt() {
        var policy = new InjectionPolicy(0.6, InjectionAction.BLOCK);

        assertThat(policy.crossedBy(scored(0.6))).isTrue();
        assertThat(policy.crossedBy(scored(0.59))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, -0.1, 1.01, Double.NaN})
    void rejectsThresholdsOutsideZeroToOne(double threshold) {
        assertThatIllegalArgumentException().isThrownBy(() -> new InjectionPolicy(threshold, InjectionAction.FLAG));
    }

    @Test
    void requiresAnAction() {
        assertThatNullPointerException().isThrownBy(() -> new InjectionPolicy(0.5, null));
    }
}
