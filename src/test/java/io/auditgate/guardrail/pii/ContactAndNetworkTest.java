package io.auditgate.guardrail.pii;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContactAndNetworkTest {

    @Test
    void redactsEmailAddressesWithRealTopLevelDomains() {
        assertThat(Detection.of("mail <anna.k+claims@northbank.co.uk>."))
                .containsExactly("EMAIL:anna.k+claims@northbank.co.uk");
    }

    @Test
    void ignoresAddressesWithoutARealDomain() {
        assertThat(Detection.of("admin@localhost, @handle, x@example.notarealtld")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"(212) 736-5000", "+1 212 736 5000", "020 7946 0958", "+44 20 7946 0958",
        "+49 30 901820", "030 901820", "01 42 68 53 00", "+33 1 42 68 53 00", "+91 98200 12345", "0044 20 7946 0958"})
    void redactsPhoneNumbersThatLibphonenumberConsidersValid(String phone) {
        assertThat(Detection.of("call " + phone + " today")).containsExactly("PHONE:" + phone);
    }

    @ParameterizedTest
    @ValueSource(strings = {"+1 (123) 456-7890", "555-0000", "2024-03-15", "ISBN 0-306-40615-2", "v1.2.3",
        "order 020 7946 0958", "4155550123"})
    void ignoresPhoneLikeNumbersThatAreInvalidOrLabelledAsSomethingElse(String text) {
        assertThat(Detection.of(text)).isEmpty();
    }

    @Test
    void pastTheLibraryBudgetPlausiblePhoneNumbersAreMaskedByShapeNotDropped() {
        // invalid in GB, DE, FR and IN: four findNumbers calls each, so these use up the budget
        String invalid = "01234 567 8901; ".repeat(PhoneRecognizer.MAX_LIBRARY_CALLS / 4);

        assertThat(Detection.of(invalid + "01234 567 8902.")).containsExactly("PHONE:01234 567 8902");
        assertThat(Detection.of(invalid.substring(16) + "01234 567 8902.")).isEmpty();
    }

    @Test
    void redactsIpv4AndIpv6Addresses() {
        assertThat(Detection.of("from 81.2.69.160 and [2001:db8:85a3::8a2e:370:7334]:443"))
                .containsExactly("IP_ADDRESS:81.2.69.160", "IP_ADDRESS:2001:db8:85a3::8a2e:370:7334");
    }

    @Test
    void ignoresVersionStringsTimesAndOutOfRangeQuads() {
        assertThat(Detection.of("version 10.2.0.1 at 10:45:00, bad 999.1.1.1")).isEmpty();
    }

    @Test
    void redactsMacAddressesInColonDashAndCiscoForms() {
        assertThat(Detection.of("00:1A:2B:3C:4D:5E, 3c-52-82-1a-2f-90, 0050.56c0.0008"))
                .containsExactly("MAC_ADDRESS:00:1A:2B:3C:4D:5E", "MAC_ADDRESS:3c-52-82-1a-2f-90",
                        "MAC_ADDRESS:0050.56c0.0008");
    }
}
