package io.auditgate.auth;

import static io.auditgate.tenant.PolicyJson.HAIKU;
import static io.auditgate.tenant.PolicyJson.SONNET;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.auditgate.problem.GatewayException;
import io.auditgate.problem.ProblemType;
import io.auditgate.tenant.Tenant;
import io.auditgate.tenant.TenantLimits;
import io.auditgate.tenant.TenantsPolicy;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CallerTest {

    private static Caller allowedTo(String... models) {
        var tenant = new Tenant("acme", List.of(), Set.of(models), "standard", new TenantLimits(10, 10));
        return new Caller("3f9a2c1b", AuthMethod.API_KEY, tenant, new TenantsPolicy(1, List.of(tenant), "0".repeat(64)));
    }

    @Test
    void aListedModelIsAllowed() {
        assertThatCode(() -> allowedTo(HAIKU).requireModel(HAIKU)).doesNotThrowAnyException();
    }

    @Test
    void anUnlistedModelIsForbiddenWithModelNotAllowed() {
        assertThatThrownBy(() -> allowedTo(HAIKU).requireModel(SONNET))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    org.assertj.core.api.Assertions.assertThat(e.problem()).isEqualTo(ProblemType.MODEL_NOT_ALLOWED);
                    org.assertj.core.api.Assertions.assertThat(e.detail()).isEqualTo("This tenant may not use the requested model.")
                            .doesNotContain(SONNET);
                });
    }

    @Test
    void aTenantWithNoModelsMayUseNone() {
        assertThatThrownBy(() -> allowedTo().requireModel(HAIKU)).isInstanceOf(GatewayException.class);
    }

    @Test
    void modelsMatchExactlyNotByPrefixOrCase() {
        assertThatThrownBy(() -> allowedTo(HAIKU).requireModel("us." + HAIKU)).isInstanceOf(GatewayException.class);
        assertThatThrownBy(() -> allowedTo(HAIKU).requireModel(HAIKU.toUpperCase())).isInstanceOf(GatewayException.class);
    }

    private static Caller pinned(Set<String> regions, java.util.Map<String, List<String>> routes, String... models) {
        var tenant = new Tenant("acme", List.of(), Set.of(models), "standard", new TenantLimits(10, 10), routes, regions);
        return new Caller("3f9a2c1b", AuthMethod.API_KEY, tenant, new TenantsPolicy(1, List.of(tenant), "0".repeat(64)));
    }

    @Test
    void theRouteIsTheModelThenItsFallbacksInOrder() {
        var caller = pinned(Set.of(), java.util.Map.of(SONNET, List.of(HAIKU, "amazon.titan-text-express-v1")),
                SONNET, HAIKU, "amazon.titan-text-express-v1");

        org.assertj.core.api.Assertions.assertThat(caller.route(SONNET, "us-east-1"))
                .containsExactly(SONNET, HAIKU, "amazon.titan-text-express-v1");
        org.assertj.core.api.Assertions.assertThat(caller.route(HAIKU, "us-east-1")).containsExactly(HAIKU);
    }

    @Test
    void aProfileThatCanLeaveThePinnedRegionsIsRefused403NamingTheGeography() {
        var caller = pinned(Set.of("eu-central-1", "eu-west-1"), java.util.Map.of(), "us." + HAIKU);

        assertThatThrownBy(() -> caller.route("us." + HAIKU, "eu-west-1"))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    org.assertj.core.api.Assertions.assertThat(e.problem()).isEqualTo(ProblemType.MODEL_NOT_ALLOWED);
                    org.assertj.core.api.Assertions.assertThat(e.detail()).contains("geography us.")
                            .doesNotContain(HAIKU);
                });
    }

    @Test
    void aPlainModelIsRefusedWhenTheGatewaysRegionIsNotPinned() {
        var caller = pinned(Set.of("eu-central-1", "eu-west-1"), java.util.Map.of(), HAIKU);

        assertThatCode(() -> caller.route(HAIKU, "eu-west-1")).doesNotThrowAnyException();
        assertThatThrownBy(() -> caller.route(HAIKU, "us-east-1")).isInstanceOfSatisfying(GatewayException.class,
                e -> org.assertj.core.api.Assertions.assertThat(e.detail()).contains("us-east-1"));
    }

    @Test
    void aPlainFallbackOutsideThePinnedRegionsIsLeftOutOfTheRoute() {
        var eu = Set.of("eu-central-1", "eu-west-1", "eu-west-2", "eu-west-3", "eu-north-1", "eu-south-1",
                "eu-south-2", "eu-central-2");
        var caller = pinned(eu, java.util.Map.of("eu." + SONNET, List.of(HAIKU)), "eu." + SONNET, HAIKU);

        org.assertj.core.api.Assertions.assertThat(caller.route("eu." + SONNET, "us-east-1"))
                .containsExactly("eu." + SONNET);
        org.assertj.core.api.Assertions.assertThat(caller.route("eu." + SONNET, "eu-west-1"))
                .containsExactly("eu." + SONNET, HAIKU);
    }
}
