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
}
