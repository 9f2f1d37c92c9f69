package io.auditgate.guardrail.pii;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FinancialNumbersTest {

    @Test
    void redactsCardNumbersThatPassLuhn() {
        assertThat(Detection.of("card 4111 1111 1111 1111 and 3782-822463-10005 and 5105105105105100"))
                .containsExactly("CREDIT_DEBIT_CARD_NUMBER:4111 1111 1111 1111",
                        "CREDIT_DEBIT_CARD_NUMBER:3782-822463-10005", "CREDIT_DEBIT_CARD_NUMBER:5105105105105100");
    }

    @Test
    void ignoresCardNumbersThatFailLuhn() {
        assertThat(Detection.of("card 4111 1111 1111 1112 was rejected")).isEmpty();
    }

    @Test
    void ignoresLuhnValidNumbersWithoutACardIssuerPrefix() {
        assertThat(Detection.of("barcode 9780306406157 and 1234 5678 9012 3452")).isEmpty();
    }

    @Test
    void findsACardInsideALongerRunOfDigitGroups() {
        assertThat(Detection.of("ref 12 4111 1111 1111 1111 ok"))
                .containsExactly("CREDIT_DEBIT_CARD_NUMBER:4111 1111 1111 1111");
    }

    @Test
    void redactsIbansCompactAndPrintedInGroups() {
        assertThat(Detection.of("to DE89370400440532013000 or GB82 WEST 1234 5698 7654 32 please"))
                .containsExactly("INTERNATIONAL_BANK_ACCOUNT_NUMBER:DE89370400440532013000",
                        "INTERNATIONAL_BANK_ACCOUNT_NUMBER:GB82 WEST 1234 5698 7654 32");
    }

    @Test
    void ignoresIbansWithWrongCheckDigitsOrLength() {
        assertThat(Detection.of("DE89370400440532013001 and DE8937040044053201300")).isEmpty();
    }

    @Test
    void stopsAPrintedIbanBeforeAFollowingUpperCaseWord() {
        assertThat(Detection.of("IBAN GB82 WEST 1234 5698 7654 32 REF 2024"))
                .containsExactly("INTERNATIONAL_BANK_ACCOUNT_NUMBER:GB82 WEST 1234 5698 7654 32");
    }

    @Test
    void redactsRoutingNumbersOnlyWithRoutingContext() {
        assertThat(Detection.of("routing number 021000021")).containsExactly("US_BANK_ROUTING_NUMBER:021000021");
        assertThat(Detection.of("parcel 021000021 arrived")).isEmpty();
    }

    @Test
    void ignoresRoutingNumbersThatFailTheAbaChecksum() {
        assertThat(Detection.of("ABA 021000022")).isEmpty();
    }
}
