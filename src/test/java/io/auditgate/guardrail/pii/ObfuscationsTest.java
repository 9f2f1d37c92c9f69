package io.auditgate.guardrail.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Values written so that a model still reads them but a pattern over ASCII would not: digits of other scripts,
 * invisible characters inside the value, unusual separators, letter case. Each is found, and its offsets cover the
 * original characters, so that masking replaces exactly what the client sent.
 */
class ObfuscationsTest {

    /** Zero of Arabic-Indic, Extended Arabic-Indic (Persian), Devanagari, Bengali, Thai and full-width digits. */
    @ParameterizedTest
    @ValueSource(chars = {'\u0660', '\u06F0', '\u0966', '\u09E6', '\u0E50', '\uFF10'})
    void findsCardsSsnsAndPhonesInTheDigitsOfAnyScript(char zero) {
        String card = inScript("4111 1111 1111 1111", zero);
        String ssn = inScript("536-22-1234", zero);
        String phone = inScript("+44 20 7946 0958", zero);

        assertThat(Detection.of("call " + phone + ", card " + card + ", SSN " + ssn)).containsExactly(
                "PHONE:" + phone, "CREDIT_DEBIT_CARD_NUMBER:" + card, "US_SOCIAL_SECURITY_NUMBER:" + ssn);
    }

    @Test
    void findsDigitsOfDifferentScriptsMixedInOneValue() {
        String card = "4\u0661\u0967\uFF11 1111 \u0661\u0661\u0661\u0661 1111";

        assertThat(Detection.of("card " + card)).containsExactly("CREDIT_DEBIT_CARD_NUMBER:" + card);
    }

    /**
     * Invisible times, left-to-right mark, emoji presentation selector, word joiner, tag space, variation selector 1,
     * a right-to-left override with its pop, and a combining strike-through.
     */
    @ParameterizedTest
    @ValueSource(strings = {"\u2062", "\u200E", "\uFE0F", "\u2060", "\uDB40\uDC20", "\uFE00", "\u202E\u202C", "\u0336"})
    void invisibleCharactersInsideAValueDoNotHideIt(String invisible) {
        String card = String.join(invisible, "4", "111 1", "111 11", "11 111", "1");
        String ssn = "536" + invisible + "-22-" + invisible + "1234";
        String iban = "GB82 W" + invisible + "EST 1234 5698 7654 32";

        assertThat(Detection.of("card " + card + "; SSN " + ssn + "; IBAN " + iban)).containsExactly(
                "CREDIT_DEBIT_CARD_NUMBER:" + card, "US_SOCIAL_SECURITY_NUMBER:" + ssn,
                "INTERNATIONAL_BANK_ACCOUNT_NUMBER:" + iban);
    }

    @Test
    void keycapDigitsAreReadAsDigits() {
        String card = keycaps("4111111111111111");

        assertThat(Detection.of("card " + card + " ok")).containsExactly("CREDIT_DEBIT_CARD_NUMBER:" + card);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\t", ".", "/", "  ", " \t "})
    void tabDotSlashAndRepeatedSpacesSeparateCardGroups(String separator) {
        String card = String.join(separator, "4111", "1111", "1111", "1111");

        assertThat(Detection.of("card " + card + " ok")).containsExactly("CREDIT_DEBIT_CARD_NUMBER:" + card);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\t", ".", "/"})
    void tabDotAndSlashSeparateTheGroupsOfOtherNumbers(String separator) {
        String ssn = String.join(separator, "536", "22", "1234");
        String nhs = String.join(separator, "943", "476", "5919");
        String routing = String.join(separator, "021", "000", "021");
        String nino = String.join(separator, "JG", "10", "37", "59", "A");
        String iban = String.join(separator, "GB82", "WEST", "1234", "5698", "7654", "32");

        assertThat(Detection.of("SSN " + ssn + "; NHS number " + nhs + "; routing " + routing + "; NI " + nino
                + "; IBAN " + iban)).containsExactly("US_SOCIAL_SECURITY_NUMBER:" + ssn,
                "UK_NATIONAL_HEALTH_SERVICE_NUMBER:" + nhs, "US_BANK_ROUTING_NUMBER:" + routing,
                "UK_NATIONAL_INSURANCE_NUMBER:" + nino, "INTERNATIONAL_BANK_ACCOUNT_NUMBER:" + iban);
    }

    @Test
    void phoneNumbersWithTabsOrAnAreaCodeSlashAreFound() {
        assertThat(Detection.of("call +44\t20\t7946\t0958 or 089/1234567 (Munich)"))
                .containsExactly("PHONE:+44\t20\t7946\t0958", "PHONE:089/1234567");
    }

    @Test
    void ibansAndNinosInLowerOrMixedCaseAreFound() {
        assertThat(Detection.of("iban gb82 west 1234 5698 7654 32, or De89370400440532013000; ni jg103759a"))
                .containsExactly("INTERNATIONAL_BANK_ACCOUNT_NUMBER:gb82 west 1234 5698 7654 32",
                        "INTERNATIONAL_BANK_ACCOUNT_NUMBER:De89370400440532013000",
                        "UK_NATIONAL_INSURANCE_NUMBER:jg103759a");
    }

    @Test
    void aLowerCaseIbanStopsBeforeTheWordsAfterIt() {
        assertThat(Detection.of("pay de89 3704 0044 0532 0130 00 today please"))
                .containsExactly("INTERNATIONAL_BANK_ACCOUNT_NUMBER:de89 3704 0044 0532 0130 00");
    }

    @Test
    void dotsAndSlashesInProseAreNotReadAsNumbers() {
        assertThat(Detection.of("Version 4.1.1.12 of 12.05.2024 fixed it; build 10.0.19045.3693, EUR 1.234.567,89 and"
                + " 4.111.111,11 paid on 2024/05/17, file 2024/00451/7, ratio 4111/1111, section 4.1.1.1.2.")).isEmpty();
    }

    @Test
    void dottedAddressesNextToEachOtherStayAddresses() {
        assertThat(Detection.of("hosts 41.2.3.4 10.20.30.40 and 45.6.7.8/10.0.0.1")).containsExactly(
                "IP_ADDRESS:41.2.3.4", "IP_ADDRESS:10.20.30.40", "IP_ADDRESS:45.6.7.8", "IP_ADDRESS:10.0.0.1");
    }

    @Test
    void maskingReplacesTheOriginalCharactersOfAnObfuscatedValue() {
        String card = inScript("4111", '\u0660') + "\u2062 1111\u200E 1111\t1111";

        var screened = new PiiScreen().screen("card " + card + " thanks", PiiPolicy.maskAll(), new Placeholders());

        assertThat(screened.modelText()).isEqualTo("card [CREDIT_DEBIT_CARD_NUMBER_1] thanks");
    }

    @Test
    void theSameValueInAnotherScriptGetsTheSamePlaceholder() {
        var screened = new PiiScreen().screen(List.of("card 4111 1111 1111 1111", "again " + inScript("4111111111111111",
                '\u0966') + ", not 5105 1051 0510 5100"), PiiPolicy.maskAll(), new Placeholders());

        assertThat(screened.get(1).modelText())
                .isEqualTo("again [CREDIT_DEBIT_CARD_NUMBER_1], not [CREDIT_DEBIT_CARD_NUMBER_2]");
    }

    private static String inScript(String ascii, char zero) {
        var out = new StringBuilder();
        ascii.chars().forEach(c -> out.append(c >= '0' && c <= '9' ? (char) (zero + c - '0') : (char) c));
        return out.toString();
    }

    private static String keycaps(String digits) {
        var out = new StringBuilder();
        digits.chars().forEach(c -> out.append((char) c).append("\uFE0F\u20E3"));
        return out.toString();
    }
}
