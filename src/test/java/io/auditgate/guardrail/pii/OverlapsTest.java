package io.auditgate.guardrail.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class OverlapsTest {

    @Test
    void theLongestOfOverlappingFindingsWins() {
        var iban = new Candidate(PiiType.INTERNATIONAL_BANK_ACCOUNT_NUMBER, 0, 27, Candidate.VALIDATED);
        var card = new Candidate(PiiType.CREDIT_DEBIT_CARD_NUMBER, 10, 27, Candidate.VALIDATED);
        assertThat(Overlaps.resolve(List.of(card, iban))).containsExactly(iban);
    }

    @Test
    void aContextConfirmedFindingBeatsAnEquallyLongPhoneNumber() {
        var phone = new Candidate(PiiType.PHONE, 11, 23, Candidate.PATTERN);
        var nhs = new Candidate(PiiType.UK_NATIONAL_HEALTH_SERVICE_NUMBER, 11, 23, Candidate.CONTEXT_CONFIRMED);
        assertThat(Overlaps.resolve(List.of(phone, nhs))).containsExactly(nhs);
    }

    @Test
    void survivorsAreOrderedByPosition() {
        var later = new Candidate(PiiType.EMAIL, 30, 40, Candidate.VALIDATED);
        var earlier = new Candidate(PiiType.PHONE, 0, 5, Candidate.PATTERN);
        assertThat(Overlaps.resolve(List.of(later, earlier))).containsExactly(earlier, later);
    }

    @Test
    void aValidPhoneNumberPrintedLikeAnIpAddressIsReportedAsAnIpAddress() {
        assertThat(Detection.of("host 53.47.157.145 down")).containsExactly("IP_ADDRESS:53.47.157.145");
    }
}
