package io.auditgate.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JwtSettingsTest {

    private static JwtSettings withAlgorithms(String... algorithms) {
        return new JwtSettings("https://issuer.test", "auditgate", "jwks.json", Set.of(algorithms), Duration.ofSeconds(60),
                "tenant", Duration.ofSeconds(2), Duration.ofHours(24));
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

    private static JwtSettings withJwks(String jwks) {
        return JwtSettings.of("https://issuer.test", "auditgate", jwks, "tenant");
    }

    @Test
    void plainHttpJwksIsAcceptedOnlyForLoopbackHosts() {
        for (var loopback : new String[] {"http://127.0.0.1:8080/jwks", "http://127.8.9.10/jwks", "http://localhost/jwks",
                "HTTP://LOCALHOST:9/jwks", "http://[::1]:9000/jwks"}) {
            assertThat(withJwks(loopback).jwks()).isEqualTo(loopback);
        }
        for (var remote : new String[] {"http://login.example.com/jwks", "http://10.0.0.1/jwks",
                "http://127.0.0.1.nip.io/jwks", "http://localhost.example.com/jwks", "http:///jwks", "HTTP://login.example.com/"}) {
            assertThatThrownBy(() -> withJwks(remote)).as(remote).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("https://");
        }
    }

    @Test
    void httpsUrlsAndFilesAreAcceptedForAnyHost() {
        assertThat(withJwks("https://login.example.com/jwks").jwks()).isEqualTo("https://login.example.com/jwks");
        assertThat(withJwks("/etc/auditgate/jwks.json").jwks()).isEqualTo("/etc/auditgate/jwks.json");
        assertThat(withJwks("file:/etc/auditgate/jwks.json").jwks()).isEqualTo("file:/etc/auditgate/jwks.json");
    }

    @Test
    void tokensLiveAtMostADayByDefaultAndTheMaximumMustBePositive() {
        assertThat(withJwks("jwks.json").maxLifetime()).isEqualTo(Duration.ofHours(24));
        assertThatThrownBy(() -> new JwtSettings("https://issuer.test", "auditgate", "jwks.json", Set.of("RS256"),
                Duration.ofSeconds(60), "tenant", Duration.ofSeconds(2), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aJwksProxyIsHostColonPortAndNeverLookedUpWhenRead() {
        assertThat(JwtSettings.proxy("")).isEmpty();
        assertThat(JwtSettings.proxy(null)).isEmpty();
        var proxy = JwtSettings.proxy(" proxy.internal.example:3128 ").orElseThrow();
        assertThat(proxy.getHostString()).isEqualTo("proxy.internal.example");
        assertThat(proxy.getPort()).isEqualTo(3128);
        assertThat(proxy.isUnresolved()).isTrue();
        for (var bad : new String[] {"proxy", "proxy:0", "proxy:65536", "http://proxy:3128", "proxy:3128/x", "-p:1", "p:x"}) {
            assertThatThrownBy(() -> JwtSettings.proxy(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
