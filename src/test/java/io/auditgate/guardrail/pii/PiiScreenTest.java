package io.auditgate.guardrail.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PiiScreenTest {

    private static final String PROMPT = "Refund jane@example.com on card 4111 1111 1111 1111; jane@example.com agreed.";
    private final PiiScreen screen = new PiiScreen();

    @Test
    void masksEveryFindingWithTypedPlaceholdersByDefault() {
        var screened = screen.screen(PROMPT, PiiPolicy.maskAll(), new Placeholders());
        assertThat(screened.modelText())
                .isEqualTo("Refund [EMAIL_1] on card [CREDIT_DEBIT_CARD_NUMBER_1]; [EMAIL_1] agreed.");
        assertThat(screened.recordText()).isEqualTo(screened.modelText());
        assertThat(screened.blocked()).isEmpty();
    }

    @Test
    void allowedValuesReachTheModelButNeverTheRecord() {
        var policy = PiiPolicy.of(Map.of(PiiType.EMAIL, PiiAction.ALLOW));
        var screened = screen.screen(PROMPT, policy, new Placeholders());
        assertThat(screened.modelText())
                .isEqualTo("Refund jane@example.com on card [CREDIT_DEBIT_CARD_NUMBER_1]; jane@example.com agreed.");
        assertThat(screened.recordText()).doesNotContain("jane@example.com").contains("[EMAIL_1]");
    }

    @Test
    void blockedTypesAreReportedAndStillMasked() {
        var policy = PiiPolicy.of(Map.of(PiiType.CREDIT_DEBIT_CARD_NUMBER, PiiAction.BLOCK));
        var screened = screen.screen(PROMPT, policy, new Placeholders());
        assertThat(screened.blocked()).containsExactly(PiiType.CREDIT_DEBIT_CARD_NUMBER);
        assertThat(screened.isBlocked()).isTrue();
        assertThat(screened.modelText()).doesNotContain("4111");
        assertThat(screened.recordText()).doesNotContain("4111");
    }

    @Test
    void talliesCountFindingsPerTypeWithTheirActionAndNoValues() {
        var policy = PiiPolicy.of(Map.of(PiiType.EMAIL, PiiAction.ALLOW));
        var screened = screen.screen(PROMPT, policy, new Placeholders());
        assertThat(screened.tallies()).containsExactly(
                Map.entry(PiiType.EMAIL, new Tally(PiiAction.ALLOW, 2)),
                Map.entry(PiiType.CREDIT_DEBIT_CARD_NUMBER, new Tally(PiiAction.MASK, 1)));
        assertThat(screened.toString()).doesNotContain("jane@example.com", "4111");
    }

    @Test
    void cleanTextPassesThroughUnchanged() {
        var screened = screen.screen("Hello, what is my balance?", PiiPolicy.maskAll(), new Placeholders());
        assertThat(screened.isClean()).isTrue();
        assertThat(screened.modelText()).isEqualTo("Hello, what is my balance?");
    }

    @Test
    void aValueSplitAcrossTwoTextsIsMaskedInBothAndCountedOnceWhereItStarts() {
        var screened = screen.screen(List.of("card 4111 1111", "1111 1111 thanks"), PiiPolicy.maskAll(), new Placeholders());

        assertThat(screened).extracting(Screened::modelText)
                .containsExactly("card [CREDIT_DEBIT_CARD_NUMBER_1]", "[CREDIT_DEBIT_CARD_NUMBER_1] thanks");
        assertThat(screened.get(0).tallies()).containsExactly(
                Map.entry(PiiType.CREDIT_DEBIT_CARD_NUMBER, new Tally(PiiAction.MASK, 1)));
        assertThat(screened.get(1).tallies()).isEmpty();
    }

    @Test
    void aTextBetweenTwoHalvesWithoutLettersOrDigitsKeepsItsCharacters() {
        var screened = screen.screen(List.of("card 4111 1111 ", "\u200B", " 1111 1111"), PiiPolicy.maskAll(),
                new Placeholders());

        assertThat(screened).extracting(Screened::modelText).containsExactly(
                "card [CREDIT_DEBIT_CARD_NUMBER_1] ", "\u200B", " [CREDIT_DEBIT_CARD_NUMBER_1]");
    }

    @Test
    void anAllowedSplitValueStaysForTheModelAndIsMaskedForTheRecord() {
        var policy = PiiPolicy.of(Map.of(PiiType.PHONE, PiiAction.ALLOW));
        var screened = screen.screen(List.of("call +44 20", "7946 0958"), policy, new Placeholders());

        assertThat(screened).extracting(Screened::modelText).containsExactly("call +44 20", "7946 0958");
        assertThat(screened).extracting(Screened::recordText).containsExactly("call [PHONE_1]", "[PHONE_1]");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "card 4111 11|11 1111 1111 ok|CREDIT_DEBIT_CARD_NUMBER",
        "card 41111111111|11111 ok|CREDIT_DEBIT_CARD_NUMBER",
        "call +44 20 79|46 0958 today|PHONE",
        "IBAN GB82 WE|ST 1234 5698 7654 32 ok|INTERNATIONAL_BANK_ACCOUNT_NUMBER",
        "NI JG 10|37 59 A ok|UK_NATIONAL_INSURANCE_NUMBER"})
    void valuesSplitWhereTheirShapeAllowsASpaceAreFound(String first, String second, PiiType type) {
        var screened = screen.screen(List.of(first, second), PiiPolicy.maskAll(), new Placeholders());

        assertThat(screened.get(0).modelText()).endsWith("[" + type + "_1]");
        assertThat(screened.get(1).modelText()).startsWith("[" + type + "_1]");
    }

    @Test
    void aContextWordInOneTextConfirmsABareNumberStartingTheNext() {
        var screened = screen.screen(List.of("My SSN is", "536221234, thanks"), PiiPolicy.maskAll(), new Placeholders());

        assertThat(screened.get(1).modelText()).isEqualTo("[US_SOCIAL_SECURITY_NUMBER_1], thanks");
    }

    @Test
    void textsThatDoNotTouchStayApart() {
        var screened = screen.screen(List.of("order 4111 1111", "Noted.", "1111 1111"), PiiPolicy.maskAll(),
                new Placeholders());

        assertThat(screened).allMatch(Screened::isClean);
    }

    @Test
    void placeholdersStayConsistentAcrossTheTextsOfOneRequest() {
        var placeholders = new Placeholders();
        var system = screen.screen("Customer: jane@example.com", PiiPolicy.maskAll(), placeholders);
        var message = screen.screen("Email bob@example.com and jane@example.com", PiiPolicy.maskAll(), placeholders);
        assertThat(system.modelText()).isEqualTo("Customer: [EMAIL_1]");
        assertThat(message.modelText()).isEqualTo("Email [EMAIL_2] and [EMAIL_1]");
    }
}
