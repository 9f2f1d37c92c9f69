package io.auditgate.tenant;

import static io.auditgate.tenant.PolicyJson.HAIKU;
import static io.auditgate.tenant.PolicyJson.SONNET;
import static io.auditgate.tenant.PolicyJson.key;
import static io.auditgate.tenant.PolicyJson.policy;
import static io.auditgate.tenant.PolicyJson.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tenant's {@code routes} and {@code allowed_regions}, checked when the policy is loaded (or reloaded). */
class RoutesPolicyTest {

    private static final String TITAN = "amazon.titan-text-express-v1";
    private static final String EU_HAIKU = "eu." + HAIKU;
    private static final String US_HAIKU = "us." + HAIKU;

    private final PolicyLoader loader = new PolicyLoader();

    @TempDir
    Path dir;

    /** A tenant allowed {@code models}, with {@code extra} JSON members (routes, allowed_regions). */
    private static String tenant(String extra, String... models) {
        var plain = PolicyJson.tenant("acme", key("3f9a2c", "a".repeat(64)), models);
        return plain.substring(0, plain.length() - 1) + "," + extra + "}";
    }

    private static String routes(String model, String... fallbacks) {
        return "\"routes\":{\"" + model + "\":{\"fallbacks\":[\"" + String.join("\",\"", fallbacks) + "\"]}}";
    }

    private TenantsPolicy load(String json) {
        return loader.load(write(dir.resolve("tenants.json"), json));
    }

    private InvalidPolicyException rejection(String json) {
        return catchThrowableOfType(InvalidPolicyException.class, () -> load(json));
    }

    @Test
    void loadsFallbacksInOrderAndThePinnedRegions() {
        var tenant = load(policy(1, tenant(routes(SONNET, HAIKU, TITAN) + ",\"allowed_regions\":[\"us-east-1\"]",
                SONNET, HAIKU, TITAN))).tenant("acme").orElseThrow();

        assertThat(tenant.fallbacksOf(SONNET)).containsExactly(HAIKU, TITAN);
        assertThat(tenant.fallbacksOf(HAIKU)).isEmpty();
        assertThat(tenant.allowedRegions()).containsExactly("us-east-1");
    }

    @Test
    void aTenantWithoutRoutesOrRegionsHasNoFallbacksAndIsNotPinned() {
        var tenant = load(policy(1, PolicyJson.tenant("acme", key("3f9a2c", "a".repeat(64)), HAIKU)))
                .tenant("acme").orElseThrow();

        assertThat(tenant.fallbacks()).isEmpty();
        assertThat(tenant.allowedRegions()).isEmpty();
    }

    @Test
    void aFallbackTheTenantMayNotUseIsRefused() {
        var e = rejection(policy(1, tenant(routes(SONNET, HAIKU), SONNET)));

        assertThat(e.jsonPath()).isEqualTo("$.tenants[0].routes['" + SONNET + "'].fallbacks[0]");
        assertThat(e.reason()).contains("not in the tenant's allowed_models");
    }

    @Test
    void aRouteForAModelTheTenantMayNotUseIsRefused() {
        assertThat(rejection(policy(1, tenant(routes(SONNET, HAIKU), HAIKU))).reason())
                .contains("not in allowed_models");
    }

    @Test
    void aModelCannotBeItsOwnFallback() {
        assertThat(rejection(policy(1, tenant(routes(SONNET, SONNET), SONNET))).reason())
                .isEqualTo("a model cannot be its own fallback");
    }

    @Test
    void routesThatFormACycleAreRefused() {
        var cycle = "\"routes\":{\"" + SONNET + "\":{\"fallbacks\":[\"" + HAIKU + "\"]},\"" + HAIKU
                + "\":{\"fallbacks\":[\"" + TITAN + "\"]},\"" + TITAN + "\":{\"fallbacks\":[\"" + SONNET + "\"]}}";

        assertThat(rejection(policy(1, tenant(cycle, SONNET, HAIKU, TITAN))).reason()).contains("cycle");
    }

    @Test
    void aChainWithoutACycleIsAllowed() {
        var chain = "\"routes\":{\"" + SONNET + "\":{\"fallbacks\":[\"" + HAIKU + "\"]},\"" + HAIKU
                + "\":{\"fallbacks\":[\"" + TITAN + "\"]}}";

        assertThat(load(policy(1, tenant(chain, SONNET, HAIKU, TITAN))).tenant("acme").orElseThrow()
                .fallbacksOf(HAIKU)).containsExactly(TITAN);
    }

    @Test
    void aFallbackThatCanRouteOutsideThePinnedRegionsIsRefused() {
        var e = rejection(policy(1, tenant(routes(EU_HAIKU, US_HAIKU)
                + ",\"allowed_regions\":[\"eu-central-1\",\"eu-west-1\"]", EU_HAIKU, US_HAIKU)));

        assertThat(e.reason()).contains("outside allowed_regions").contains("geography us.");
    }

    @Test
    void aGlobalFallbackIsRefusedToAPinnedTenantButNotToAnUnpinnedOne() {
        var global = "global." + HAIKU;
        assertThat(rejection(policy(1, tenant(routes(HAIKU, global) + ",\"allowed_regions\":[\"eu-west-1\"]",
                HAIKU, global))).reason()).contains("any commercial Region");
        assertThat(load(policy(1, tenant(routes(HAIKU, global), HAIKU, global))).tenant("acme").orElseThrow()
                .fallbacksOf(HAIKU)).containsExactly(global);
    }

    @Test
    void anEmptyFallbackListOrARegionOfTheWrongShapeIsASchemaViolation() {
        assertThat(rejection(policy(1, tenant("\"routes\":{\"" + HAIKU + "\":{\"fallbacks\":[]}}", HAIKU))))
                .isNotNull();
        assertThat(rejection(policy(1, tenant("\"allowed_regions\":[\"Frankfurt\"]", HAIKU)))).isNotNull();
    }

    @Test
    void theTenantRecordCopiesItsRoutes() {
        var tenant = new Tenant("acme", List.of(), Set.of(HAIKU, SONNET), "standard", new TenantLimits(10, 10),
                java.util.Map.of(SONNET, List.of(HAIKU)), Set.of());
        assertThat(tenant.fallbacks().get(SONNET)).isUnmodifiable();
    }
}
