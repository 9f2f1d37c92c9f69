package io.auditgate.guardrail.pii;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdentityNumbersTest {

    @Test
    void redactsDashedAndSpacedSocialSecurityNumbers() {
        assertThat(Detection.of("SSN 536-22-1234, spouse 412 55 8721"))
                .containsExactly("US_SOCIAL_SECURITY_NUMBER:536-22-1234", "US_SOCIAL_SECURITY_NUMBER:412 55 8721");
    }

    @Test
    void redactsBareSocialSecurityNumbersOnlyAfterAnSsnKeyword() {
        assertThat(Detection.of("social security number 536221234")).containsExactly("US_SOCIAL_SECURITY_NUMBER:536221234");
        assertThat(Detection.of("customer 536221234")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"000-12-3456", "666-12-3456", "900-12-3456", "999-12-3456", "123-00-4567",
        "123-45-0000", "078-05-1120", "219-09-9999", "123-45-6789", "111-11-1111"})
    void ignoresSocialSecurityNumbersThatAreNeverIssued(String ssn) {
        assertThat(Detection.of("SSN " + ssn)).isEmpty();
    }

    @Test
    void redactsNationalInsuranceNumbersWithOrWithoutSpaces() {
        assertThat(Detection.of("NI AB 12 34 56 C and JG103759A"))
                .containsExactly("UK_NATIONAL_INSURANCE_NUMBER:AB 12 34 56 C", "UK_NATIONAL_INSURANCE_NUMBER:JG103759A");
    }

    @ParameterizedTest
    @ValueSource(strings = {"QQ 12 34 56 C", "BG 12 34 56 A", "GB 12 34 56 A", "DA 12 34 56 B", "AO 12 34 56 B",
        "AB 12 34 56 E", "ZZ 12 34 56 D"})
    void ignoresNationalInsuranceNumbersWithUnallocatedPrefixesOrSuffixes(String nino) {
        assertThat(Detection.of("NI number " + nino)).isEmpty();
    }

    @Test
    void redactsNhsNumbersThatPassModulusEleven() {
        assertThat(Detection.of("NHS number 943 476 5919")).containsExactly("UK_NATIONAL_HEALTH_SERVICE_NUMBER:943 476 5919");
        assertThat(Detection.of("patient 9434765919 (NHS)")).containsExactly("UK_NATIONAL_HEALTH_SERVICE_NUMBER:9434765919");
    }

    @Test
    void ignoresNhsNumbersThatFailModulusEleven() {
        assertThat(Detection.of("NHS number 943 476 5918")).isEmpty();
    }
}
