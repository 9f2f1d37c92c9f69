package io.auditgate.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditgate.auth.Credential.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CredentialsTest {

    private static final String KEY = "ag_3f9a2c1b_GS8GpwlqF3gAx7LAxSsWBSCcD6Vw5Dle-JfkcL0lbM0";
    private static final String JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJl";

    @Test
    void noHeadersMeansNoCredential() {
        assertThat(Credentials.from(null, null).kind()).isEqualTo(Kind.NONE);
    }

    @Test
    void aBearerJwtIsAJwt() {
        assertThat(Credentials.from("Bearer " + JWT, null)).isEqualTo(new Credential(Kind.JWT, JWT));
    }

    @Test
    void aBearerApiKeyIsAnApiKey() {
        assertThat(Credentials.from("Bearer " + KEY, null)).isEqualTo(new Credential(Kind.API_KEY, KEY));
    }

    @Test
    void theXApiKeyHeaderIsAnApiKey() {
        assertThat(Credentials.from(null, KEY)).isEqualTo(new Credential(Kind.API_KEY, KEY));
    }

    @Test
    void theBearerSchemeIsCaseInsensitiveAndSurroundingSpaceIsIgnored() {
        assertThat(Credentials.from("  bEaReR   " + JWT + " ", null)).isEqualTo(new Credential(Kind.JWT, JWT));
    }

    @Test
    void aKeyPlusABearerIsMalformedEvenWhenTheyCarryTheSameKey() {
        assertThat(Credentials.from("Bearer " + KEY, KEY).kind()).isEqualTo(Kind.MALFORMED);
    }

    @Test
    void twoAuthorizationHeadersAreMalformedEvenWhenTheyAgree() {
        assertThat(Credentials.fromHeaders(List.of("Bearer " + KEY, "Bearer " + KEY), List.of()).kind()).isEqualTo(Kind.MALFORMED);
    }

    @Test
    void twoApiKeyHeadersAreMalformedEvenWhenTheyAgree() {
        assertThat(Credentials.fromHeaders(List.of(), List.of(KEY, KEY)).kind()).isEqualTo(Kind.MALFORMED);
    }

    @Test
    void bothHeadersDisagreeingAreMalformed() {
        assertThat(Credentials.from("Bearer " + KEY, KEY.replace('G', 'H')).kind()).isEqualTo(Kind.MALFORMED);
        assertThat(Credentials.from("Bearer " + JWT, KEY).kind()).isEqualTo(Kind.MALFORMED);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "Basic dXNlcjpwYXNz|NULL",
            "Bearer|NULL",
            "Bearer |NULL",
            "''|NULL",
            "Bearer abc|NULL",
            "Bearer a.b|NULL",
            "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.|NULL",
            "Bearer a.b.c.d|NULL",
            "Bearer a.b.c d.e.f|NULL",
            "Bearer ag_3f9a2c1b_x, ag_3f9a2c1b_y|NULL",
            "BearerX ag_3f9a2c1b_x|NULL",
            "NULL|''",
            "NULL|not-a-key",
            "NULL|ag_3f9a2c1b_x ag_3f9a2c1b_y",
            "Basic dXNlcjpwYXNz|ag_3f9a2c1b_x"})
    void anythingElseThatWasSentIsMalformed(String authorization, String apiKey) {
        assertThat(Credentials.from(authorization, apiKey).kind()).isEqualTo(Kind.MALFORMED);
    }

    @Test
    void anOversizedTokenIsMalformed() {
        assertThat(Credentials.from("Bearer " + "a".repeat(Credentials.MAX_LENGTH) + ".b.c", null).kind()).isEqualTo(Kind.MALFORMED);
    }

    @Test
    void theCredentialNeverPrintsItsValue() {
        assertThat(Credentials.from(null, KEY).toString()).isEqualTo("Credential[API_KEY]").doesNotContain(KEY);
    }
}
