package io.auditgate.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The real client behind a proxy: believed only from configured proxies, bounded, and an ignored header is said. */
class ForwardedTest {

    private static final TrustedProxies PROXIES = TrustedProxies.of(List.of("10.0.0.0/16", "127.0.0.1", "fd00::/8"));

    @Test
    void aTrustedProxysHeadersNameTheCallerAndTheIngressRequest() {
        var forwarded = Forwarded.of("10.0.3.7", "203.0.113.9", "Ab1CdEfGhIjKl=", PROXIES);

        assertThat(forwarded).isEqualTo(new Forwarded(Forwarded.Trust.TRUSTED, Optional.of("203.0.113.9"),
                Optional.of("Ab1CdEfGhIjKl=")));
    }

    @Test
    void anUntrustedSendersHeadersAreIgnoredAndThatIsSaid() {
        var forwarded = Forwarded.of("198.51.100.4", "203.0.113.9", "req-1", PROXIES);

        assertThat(forwarded.trust()).isEqualTo(Forwarded.Trust.IGNORED);
        assertThat(forwarded.sourceIp()).isEmpty();
        assertThat(forwarded.ingressId()).isEmpty();
    }

    @Test
    void noProxiesConfiguredTrustsNoOneNotEvenLoopback() {
        assertThat(Forwarded.of("127.0.0.1", "203.0.113.9", null, TrustedProxies.of(List.of())).trust())
                .isEqualTo(Forwarded.Trust.IGNORED);
        assertThat(Forwarded.of("127.0.0.1", null, null, TrustedProxies.NONE)).isEqualTo(Forwarded.NONE);
    }

    @Test
    void cidrBlocksMatchByPrefixForIpv4AndIpv6() {
        assertThat(PROXIES.trusts("10.0.255.255")).isTrue();
        assertThat(PROXIES.trusts("10.1.0.1")).isFalse();
        assertThat(PROXIES.trusts("127.0.0.2")).isFalse();
        assertThat(PROXIES.trusts("fd12:3456::1")).isTrue();
        assertThat(PROXIES.trusts("fe80::1")).isFalse();
        assertThat(TrustedProxies.of(List.of("10.0.0.0/9")).trusts("10.127.0.1")).isTrue();
        assertThat(TrustedProxies.of(List.of("10.0.0.0/9")).trusts("10.128.0.1")).isFalse();
    }

    @Test
    void aPeerThatIsNotAnIpLiteralIsNeverTrustedAndNeverLookedUp() {
        assertThat(PROXIES.trusts("localhost")).isFalse();
        assertThat(PROXIES.trusts(null)).isFalse();
        assertThat(PROXIES.trusts("10.0.0.1.example.com")).isFalse();
    }

    @Test
    void aForwardedValueOfTheWrongShapeIsKeptOnlyAsItsHash() {
        var forwarded = Forwarded.of("127.0.0.1", "203.0.113.9, 10.0.0.1", "id with spaces", PROXIES);

        assertThat(forwarded.sourceIp()).hasValueSatisfying(v -> assertThat(v).matches("sha256:[0-9a-f]{64}"));
        assertThat(forwarded.ingressId()).hasValueSatisfying(v -> assertThat(v).matches("sha256:[0-9a-f]{64}"));
    }

    @Test
    void aMalformedProxyEntryFailsAtConfiguration() {
        assertThatThrownBy(() -> TrustedProxies.of(List.of("10.0.0.0/33"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TrustedProxies.of(List.of("proxy.internal"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theClientKeepsThePeersAddressBesideWhatWasForwarded() {
        var client = Exchange.Client.of("10.0.3.7", null, null)
                .forwarded(Forwarded.of("10.0.3.7", "2001:db8::7", null, PROXIES));

        assertThat(client.address()).isEqualTo("10.0.3.7");
        assertThat(client.forwarded().sourceIp()).contains("2001:db8::7");
    }
}
