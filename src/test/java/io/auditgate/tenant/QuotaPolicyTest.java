package io.auditgate.tenant;

import static io.auditgate.tenant.PolicyJson.HAIKU;
import static io.auditgate.tenant.PolicyJson.SONNET;
import static io.auditgate.tenant.PolicyJson.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The limits, budgets, key limits and price table of the tenants policy, and what loading refuses of them. */
class QuotaPolicyTest {

    private static final String HASH = "a".repeat(64);
    private static final String PRICES = "\"models\":{\"" + HAIKU + "\":{\"input_usd_per_1k\":0.00025,"
            + "\"output_usd_per_1k\":0.00125,\"output_token_weight\":5}}";

    private final PolicyLoader loader = new PolicyLoader();

    @TempDir
    Path dir;

    private static String document(String models, String limits, String budgets, String keyLimits, String... allowed) {
        var list = new StringBuilder();
        for (var model : allowed) {
            list.append(list.isEmpty() ? "" : ",").append('"').append(model).append('"');
        }
        return "{\"version\":1," + (models.isEmpty() ? "" : models + ",") + "\"tenants\":[{\"id\":\"acme\","
                + "\"api_keys\":[{\"key_id\":\"3f9a2c\",\"sha256\":\"" + HASH + "\"" + keyLimits + "}],"
                + "\"allowed_models\":[" + list + "],\"guardrail_profile\":\"standard\","
                + "\"limits\":{\"max_prompt_chars\":1000,\"max_output_tokens\":500" + limits + "}" + budgets + "}]}";
    }

    private TenantsPolicy load(String json) {
        return loader.load(write(dir.resolve("tenants.json"), json));
    }

    private InvalidPolicyException rejection(String json) {
        return catchThrowableOfType(InvalidPolicyException.class, () -> load(json));
    }

    @Test
    void loadsLimitsBudgetsKeyLimitsAndExactPrices() {
        var policy = load(document(PRICES,
                ",\"max_concurrent_requests\":3,\"requests_per_minute\":20,\"tokens_per_minute\":10000,"
                        + "\"default_max_tokens\":256,\"require_max_tokens\":true",
                ",\"budgets\":{\"tokens_per_day\":100000,\"tokens_per_month\":2000000,\"cost_usd_per_day\":1.5,"
                        + "\"cost_usd_per_month\":30,\"when_grid_unavailable\":\"local\"}",
                ",\"limits\":{\"requests_per_minute\":5,\"tokens_per_minute\":2000,\"max_concurrent_requests\":1}", HAIKU));

        var acme = policy.tenant("acme").orElseThrow();
        assertThat(acme.limits()).isEqualTo(new TenantLimits(1000, 500, 3, 20, 10000, OptionalInt.of(256), true));
        assertThat(acme.budgets()).isEqualTo(new Budgets(100000, 2000000, 1_500_000_000_000L, 30_000_000_000_000L, true));
        assertThat(acme.apiKeys().get(0).limits()).isEqualTo(new KeyLimits(5, 2000, 1));
        assertThat(policy.price(HAIKU)).isEqualTo(new ModelPrice(250_000, 1_250_000, 5));
        assertThat(policy.price(SONNET)).isEqualTo(ModelPrice.UNPRICED);
        assertThat(acme.metered()).isTrue();
    }

    @Test
    void absentFieldsMeanUnlimitedAndAnUnlimitedTenantIsNotMetered() {
        var acme = load(document("", "", "", "", HAIKU)).tenant("acme").orElseThrow();
        assertThat(acme.budgets()).isEqualTo(Budgets.NONE);
        assertThat(acme.apiKeys().get(0).limits()).isEqualTo(KeyLimits.NONE);
        assertThat(acme.metered()).isFalse();
        assertThat(acme.limits().outputCap(null)).isEqualTo(500);
    }

    @Test
    void aCostBudgetNeedsAPriceForEveryAllowedModel() {
        var e = rejection(document(PRICES, "", ",\"budgets\":{\"cost_usd_per_day\":1}", "", HAIKU, SONNET));
        assertThat(e.jsonPath()).isEqualTo("$.tenants[0].allowed_models");
        assertThat(e.reason()).contains(SONNET).doesNotContain(HAIKU);
    }

    @Test
    void aTokenBudgetNeedsNoPrice() {
        assertThat(load(document("", "", ",\"budgets\":{\"tokens_per_day\":10}", "", SONNET)).tenant("acme")).isPresent();
    }

    @Test
    void aPriceFinerThanANanoDollarIsRefusedNotRounded() {
        var e = rejection(document("\"models\":{\"" + HAIKU + "\":{\"input_usd_per_1k\":0.0000000001,"
                + "\"output_usd_per_1k\":1}}", "", "", "", HAIKU));
        assertThat(e.jsonPath()).isEqualTo("$.models['" + HAIKU + "'].input_usd_per_1k");
    }

    @Test
    void theDefaultCapMayNotExceedTheTenantsLimit() {
        var e = rejection(document("", ",\"default_max_tokens\":501", "", "", HAIKU));
        assertThat(e.jsonPath()).isEqualTo("$.tenants[0].limits.default_max_tokens");
    }

    @Test
    void theSchemaRefusesAnUnknownFallbackPolicyAndANegativeRate() {
        assertThat(rejection(document("", "", ",\"budgets\":{\"when_grid_unavailable\":\"hope\"}", "", HAIKU))
                .jsonPath()).startsWith("$.tenants[0].budgets");
        assertThat(rejection(document("", ",\"requests_per_minute\":0", "", "", HAIKU)).jsonPath())
                .startsWith("$.tenants[0].limits");
    }
}
