package io.auditgate.auth;

import static io.auditgate.tenant.PolicyJson.HAIKU;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.auditgate.tenant.ApiKeyEntry;
import io.auditgate.tenant.Tenant;
import io.auditgate.tenant.TenantLimits;
import io.auditgate.tenant.TenantsPolicy;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiKeysTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final NewApiKey acmeKey = NewApiKey.generate(RANDOM);
    private final NewApiKey betaKey = NewApiKey.generate(RANDOM);

    private ApiKeys keys(ApiKeyEntry... acmeEntries) {
        var limits = new TenantLimits(1000, 500);
        var acme = new Tenant("acme", List.of(acmeEntries), Set.of(HAIKU), "strict", limits);
        var beta = new Tenant("beta", List.of(entry(betaKey, null, false)), Set.of(), "standard", limits);
        return new ApiKeys(new TenantsPolicy(1, List.of(acme, beta), "0".repeat(64)));
    }

    private static ApiKeyEntry entry(NewApiKey key, Instant expires, boolean revoked) {
        return new ApiKeyEntry(key.keyId(), key.sha256(), expires, revoked);
    }

    @Test
    void aKnownKeyBecomesACallerOfItsTenant() {
        var caller = keys(entry(acmeKey, null, false)).authenticate(acmeKey.plaintext(), NOW);

        assertThat(caller).hasValueSatisfying(c -> {
            assertThat(c.tenantId()).isEqualTo("acme");
            assertThat(c.principal()).isEqualTo(acmeKey.keyId());
            assertThat(c.authMethod()).isEqualTo(AuthMethod.API_KEY);
            assertThat(c.allowedModels()).containsExactly(HAIKU);
            assertThat(c.profile().name()).isEqualTo("strict");
            assertThat(c.limits()).isEqualTo(new TenantLimits(1000, 500));
        });
    }

    @Test
    void eachKeyAuthenticatesAsItsOwnTenant() {
        var caller = keys(entry(acmeKey, null, false)).authenticate(betaKey.plaintext(), NOW);

        assertThat(caller).hasValueSatisfying(c -> assertThat(c.tenantId()).isEqualTo("beta"));
    }

    @Test
    void aKnownKeyIdWithAnotherSecretIsRefused() {
        var forged = acmeKey.plaintext().substring(0, acmeKey.plaintext().length() - 1)
                + (acmeKey.plaintext().endsWith("A") ? "B" : "A");

        assertThat(keys(entry(acmeKey, null, false)).authenticate(forged, NOW)).isEmpty();
    }

    @Test
    void anUnknownKeyIsRefused() {
        assertThat(keys(entry(acmeKey, null, false)).authenticate(NewApiKey.generate(RANDOM).plaintext(), NOW)).isEmpty();
    }

    @Test
    void malformedKeysAreRefused() {
        var keys = keys(entry(acmeKey, null, false));

        for (var presented : new String[] {null, "", "ag_", acmeKey.plaintext() + "x", acmeKey.plaintext().toUpperCase(),
                "xx" + acmeKey.plaintext().substring(2), acmeKey.plaintext().replace("ag_", "ag__"), "a".repeat(10_000)}) {
            assertThat(keys.authenticate(presented, NOW)).as("%s", presented).isEmpty();
        }
    }

    @Test
    void aKeyIsRefusedFromTheInstantItExpires() {
        var keys = keys(entry(acmeKey, NOW, false));

        assertThat(keys.authenticate(acmeKey.plaintext(), NOW.minusMillis(1))).isPresent();
        assertThat(keys.authenticate(acmeKey.plaintext(), NOW)).isEmpty();
    }

    @Test
    void aRevokedKeyIsRefused() {
        assertThat(keys(entry(acmeKey, null, true)).authenticate(acmeKey.plaintext(), NOW)).isEmpty();
    }

    @Test
    void severalKeysOfOneTenantAllowRotation() {
        var next = NewApiKey.generate(RANDOM);
        var keys = keys(entry(acmeKey, NOW.plusSeconds(3600), false), entry(next, null, false));

        assertThat(keys.authenticate(acmeKey.plaintext(), NOW)).isPresent();
        assertThat(keys.authenticate(next.plaintext(), NOW)).isPresent();
        assertThat(keys.authenticate(acmeKey.plaintext(), NOW.plusSeconds(3600))).isEmpty();
    }

    @Test
    void aPolicyWithOneKeyIdTwiceCannotBeBuilt() {
        assertThatThrownBy(() -> keys(entry(acmeKey, null, false), entry(acmeKey, null, true)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
