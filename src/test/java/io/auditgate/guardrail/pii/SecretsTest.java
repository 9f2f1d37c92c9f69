package io.auditgate.guardrail.pii;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretsTest {

    private static final String JWT = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0"
            + ".dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U";

    @Test
    void redactsAwsAccessKeyIdsAndSecretKeysNamedAsSecrets() {
        assertThat(Detection.of("AKIAIOSFODNN7EXAMPLE aws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"))
                .containsExactly("AWS_ACCESS_KEY:AKIAIOSFODNN7EXAMPLE",
                        "AWS_SECRET_KEY:wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
    }

    @Test
    void ignoresFortyCharacterHexHashesEvenNearTheWordSecret() {
        assertThat(Detection.of("secret rotation commit 3f786850e387550fdab836ed7e6dc881de23001b")).isEmpty();
    }

    @Test
    void ignoresFortyCharacterTokensWithoutSecretContext() {
        assertThat(Detection.of("blob wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")).isEmpty();
    }

    @Test
    void redactsWholePemPrivateKeyBlocks() {
        String key = "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA\n-----END RSA PRIVATE KEY-----";
        assertThat(Detection.of("key:\n" + key + "\nthanks")).containsExactly("PRIVATE_KEY:" + key);
    }

    @Test
    void redactsTruncatedPrivateKeyBlocksUpToTheNextBlankLine() {
        assertThat(Detection.of("-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIB\nAwEHoUQDQgAE\n\nnext paragraph"))
                .containsExactly("PRIVATE_KEY:-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIB\nAwEHoUQDQgAE");
    }

    @Test
    void leavesPublicKeysAlone() {
        assertThat(Detection.of("-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0C\n-----END PUBLIC KEY-----")).isEmpty();
    }

    @Test
    void redactsJwtsAnywhereAndTokensAfterBearer() {
        assertThat(Detection.of("cookie " + JWT + "; Authorization: Bearer ya29.a0AfH6SMBx3kP9Qw7Zr2LmN0vT."))
                .containsExactly("BEARER_TOKEN:" + JWT, "BEARER_TOKEN:ya29.a0AfH6SMBx3kP9Qw7Zr2LmN0vT");
    }

    @Test
    void ignoresTheWordBearerInProse() {
        assertThat(Detection.of("The bearer of this letter holds bearer bonds")).isEmpty();
    }

    @Test
    void ignoresEyjStringsThatAreNotJsonHeaders() {
        assertThat(Detection.of("eyJub3Rqc29u.eyJhYmNk.abcd")).isEmpty();
    }
}
