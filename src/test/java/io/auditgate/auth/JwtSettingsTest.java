package io.auditgate.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JwtSettingsTest {

    private static JwtSettings withAlgorithms(String... algorithms) {
        return new JwtSettings("https://issuer.test", "auditgate", "jwks.json", Set.of(algorithms), Duration.ofSeconds(60),
                "tenant", Duration.ofSeconds(2));
    }

    @Test
    void defaultsAcceptRs256AndEs256WithAMinuteOfSkew() {
        var settings = JwtSettings.of("https://issuer.test", "auditgate", "jwks.json", "tenant");

        assertThat(settings.algorithms()).containsExactlyInAnyOrder("RS256", "ES256");
        assertThat(settings.clockSkew()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void symmetricAndUnsignedAlgorithmsAreRefused() {
        assertThatThrownBy(() -> withAlgorithms("HS256")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> withAlgorithms("none")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> withAlgorithms()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aBlankIssuerIsRefused() {
        assertThatThrownBy(() -> JwtSettings.of(" ", "auditgate", "jwks.json", "tenant")).isInstanceOf(IllegalArgumentException.class);
    }
}
