package io.auditgate.guardrail.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PlaceholdersTest {

    @Test
    void sameValueGetsSamePlaceholderWithinARequest() {
        var placeholders = new Placeholders();
        assertThat(placeholders.placeholderFor(PiiType.EMAIL, "jane@example.com")).isEqualTo("[EMAIL_1]");
        assertThat(placeholders.placeholderFor(PiiType.EMAIL, "Jane@Example.com")).isEqualTo("[EMAIL_1]");
    }

    @Test
    void differentValuesAreNumberedPerType() {
        var placeholders = new Placeholders();
        assertThat(placeholders.placeholderFor(PiiType.EMAIL, "a@example.com")).isEqualTo("[EMAIL_1]");
        assertThat(placeholders.placeholderFor(PiiType.PHONE, "020 7946 0958")).isEqualTo("[PHONE_1]");
        assertThat(placeholders.placeholderFor(PiiType.EMAIL, "b@example.com")).isEqualTo("[EMAIL_2]");
        assertThat(placeholders.distinct(PiiType.EMAIL)).isEqualTo(2);
    }

    @Test
    void differentlyFormattedNumbersShareAPlaceholder() {
        var placeholders = new Placeholders();
        assertThat(placeholders.placeholderFor(PiiType.CREDIT_DEBIT_CARD_NUMBER, "4111 1111 1111 1111"))
                .isEqualTo(placeholders.placeholderFor(PiiType.CREDIT_DEBIT_CARD_NUMBER, "4111-1111-1111-1111"));
    }

    @Test
    void aNewRequestStartsCountingAgain() {
        new Placeholders().placeholderFor(PiiType.EMAIL, "a@example.com");
        assertThat(new Placeholders().placeholderFor(PiiType.EMAIL, "b@example.com")).isEqualTo("[EMAIL_1]");
    }

    @Test
    void policyFallsBackToItsDefaultActionForUnlistedTypes() {
        var policy = new PiiPolicy(Map.of(PiiType.PHONE, PiiAction.ALLOW), PiiAction.BLOCK);
        assertThat(policy.actionFor(PiiType.PHONE)).isEqualTo(PiiAction.ALLOW);
        assertThat(policy.actionFor(PiiType.EMAIL)).isEqualTo(PiiAction.BLOCK);
        assertThat(PiiPolicy.maskAll().actionFor(PiiType.PRIVATE_KEY)).isEqualTo(PiiAction.MASK);
    }

    @Test
    void recordsRejectImpossibleValues() {
        assertThatThrownBy(() -> new PiiFinding(PiiType.EMAIL, 5, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PiiPolicy(Map.of(), null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Tally(PiiAction.MASK, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
