package io.auditgate.guardrail.pii;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OffsetsTest {

    @Test
    void offsetsMapBackThroughFullWidthDigits() {
        String text = "card \uFF14\uFF11\uFF11\uFF11 \uFF11\uFF11\uFF11\uFF11 1111 1111 ok";
        assertThat(Detection.of(text)).containsExactly(
                "CREDIT_DEBIT_CARD_NUMBER:\uFF14\uFF11\uFF11\uFF11 \uFF11\uFF11\uFF11\uFF11 1111 1111");
    }

    @Test
    void offsetsMapBackThroughZeroWidthCharactersInsideAnEmail() {
        String text = "write to ja\u200Bne.doe@exam\u200Dple.com\u2060 now";
        assertThat(new PiiDetector().detect(text)).containsExactly(new PiiFinding(PiiType.EMAIL, 9, 31));
    }

    @Test
    void softHyphensAndByteOrderMarksDoNotHideAnIban() {
        String text = "\uFEFFIBAN GB82 WE\u00ADST 1234 5698 7654 32";
        assertThat(Detection.of(text)).containsExactly("INTERNATIONAL_BANK_ACCOUNT_NUMBER:GB82 WE\u00ADST 1234 5698 7654 32");
    }

    @Test
    void nonBreakingSpacesAndUnicodeDashesCountAsSeparators() {
        assertThat(Detection.of("SSN 536\u201122\u20111234")).containsExactly("US_SOCIAL_SECURITY_NUMBER:536\u201122\u20111234");
        assertThat(Detection.of("call\u00A0+44\u00A020\u00A07946\u00A00958")).containsExactly("PHONE:+44\u00A020\u00A07946\u00A00958");
    }

    @Test
    void offsetsMapBackThroughArabicIndicDigitsInvisibleOperatorsAndTabs() {
        String text = "\u200Ecard \u0664\u2062\u0661\u0661\u0661\t\t1111\uFE0F 1111 \u0661111 ok";
        assertThat(new PiiDetector().detect(text)).containsExactly(
                new PiiFinding(PiiType.CREDIT_DEBIT_CARD_NUMBER, 6, 28));
    }

    @Test
    void aVariationSelectorAfterTheLastDigitBelongsToTheValue() {
        String text = "card 4111 1111 1111 1111\uFE0F\u20E3 ok";
        assertThat(new PiiDetector().detect(text)).containsExactly(
                new PiiFinding(PiiType.CREDIT_DEBIT_CARD_NUMBER, 5, 26));
    }

    @Test
    void charactersOutsideTheBasicPlaneKeepLaterOffsetsRight() {
        String text = "\uD83D\uDE00\uD83D\uDE00 mail jane@example.com";
        assertThat(Detection.of(text)).containsExactly("EMAIL:jane@example.com");
    }

    @Test
    void textOfOnlyInvisibleCharactersYieldsNothing() {
        assertThat(new PiiDetector().detect("\u200B\u200C\uFEFF")).isEmpty();
        assertThat(new PiiDetector().detect("")).isEmpty();
    }
}
