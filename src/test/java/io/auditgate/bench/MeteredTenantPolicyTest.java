package io.auditgate.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditgate.auth.ApiKeys;
import io.auditgate.quota.Demand;
import io.auditgate.quota.Pricing;
import io.auditgate.tenant.Budgets;
import io.auditgate.tenant.ModelPrice;
import io.auditgate.tenant.PolicyLoader;
import io.auditgate.tenant.Tenant;
import io.auditgate.tenant.TenantLimits;
import io.auditgate.tenant.TenantsPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * {@code bench/tenants.json}, the policy {@code bench/gateway.sh} gives AuditGate when the {@code gateway-metered} row
 * runs: the local profile's demo tenant unchanged (row {@code gateway}), and a tenant with every limit and budget,
 * all so high that none can refuse a request of the benchmark (a 429 would make the row meaningless).
 */
class MeteredTenantPolicyTest {

    private static final String HAIKU = "anthropic.claude-3-haiku-20240307-v1:0";
    /** The metered tenant's key, as bench/lib.sh sends it (benchmark runs only, never configured elsewhere). */
    private static final String METERED_KEY = "ag_d77e31d9_toxPog0RarCurFgkg_syqrrKR0vfD0458w_UT5ZPtPw";
    private static final String DEMO_KEY = "ag_1fb62ab7_GS8GpwlqF3gAx7LAxSsWBSCcD6Vw5Dle-JfkcL0lbM0";
    /** Far above any load the benchmark has been run with (1,000 requests/s, 2,000 streams): 10,000/s for an hour. */
    private static final long REQUESTS_PER_SECOND = 10_000;
    private static final long SECONDS = 3_600;
    /** The instance's own cap on requests in flight (gateway.max-in-flight's default) refuses before the tenant's. */
    private static final int INSTANCE_MAX_IN_FLIGHT = 4_096;

    private static final PolicyLoader LOADER = new PolicyLoader();

    private final TenantsPolicy bench = LOADER.load(Path.of("bench/tenants.json"));

    private Tenant metered() {
        return new ApiKeys(bench).authenticate(METERED_KEY, Instant.now()).orElseThrow().tenant();
    }

    @Test
    void theMeteredKeyIsATenantWithEveryRateLimitBudgetAndAPriceForTheBenchModel() {
        var tenant = metered();

        assertThat(tenant.id()).isEqualTo("bench-metered");
        assertThat(tenant.metered()).isTrue();
        assertThat(tenant.limits().maxConcurrentRequests()).isNotEqualTo(TenantLimits.UNLIMITED);
        assertThat(tenant.limits().requestsPerMinute()).isNotEqualTo(TenantLimits.UNLIMITED_RATE);
        assertThat(tenant.limits().tokensPerMinute()).isNotEqualTo(TenantLimits.UNLIMITED_RATE);
        assertThat(tenant.budgets().tokensPerDay()).isNotEqualTo(Budgets.UNLIMITED);
        assertThat(tenant.budgets().tokensPerMonth()).isNotEqualTo(Budgets.UNLIMITED);
        assertThat(tenant.budgets().costPicoUsdPerDay()).isNotEqualTo(Budgets.UNLIMITED);
        assertThat(tenant.budgets().costPicoUsdPerMonth()).isNotEqualTo(Budgets.UNLIMITED);
        assertThat(bench.price(HAIKU)).isNotEqualTo(ModelPrice.UNPRICED);
        assertThat(tenant.allowedModels()).containsExactly(HAIKU);
    }

    /** Everything but the limits is the demo tenant's, so that both rows' requests do the same work before metering. */
    @Test
    void theMeteredTenantScreensLikeTheDemoTenant() {
        var demo = bench.tenant("demo").orElseThrow();

        assertThat(metered().guardrailProfile()).isEqualTo(demo.guardrailProfile());
        assertThat(metered().limits().maxPromptChars()).isEqualTo(demo.limits().maxPromptChars());
        assertThat(metered().limits().outputCap(null)).isEqualTo(demo.limits().outputCap(null));
    }

    @Test
    void theDemoTenantIsTheLocalProfilesUnchanged() {
        var local = LOADER.load(Path.of("src/main/resources/local/tenants.json"));

        assertThat(bench.tenant("demo")).isEqualTo(local.tenant("demo"));
        assertThat(new ApiKeys(bench).authenticate(DEMO_KEY, Instant.now()).orElseThrow().tenantId()).isEqualTo("demo");
    }

    /**
     * Every request reserves its whole estimate (the bench bodies name no max_tokens, so the output cap is
     * max_output_tokens); the largest prompt is the 32 KB case's. Settlement only lowers what was reserved.
     */
    @Test
    void noLimitOrBudgetCanRefuseTheBenchmarksLoad() {
        var tenant = metered();
        var perRequest = estimate(tenant);
        var perMinute = REQUESTS_PER_SECOND * 60;
        var perRun = REQUESTS_PER_SECOND * SECONDS;

        assertThat(tenant.limits().requestsPerMinute()).isGreaterThanOrEqualTo(perMinute);
        assertThat(tenant.limits().tokensPerMinute()).isGreaterThanOrEqualTo(perMinute * perRequest.rateTokens());
        assertThat(tenant.limits().maxConcurrentRequests()).isGreaterThanOrEqualTo(INSTANCE_MAX_IN_FLIGHT);
        assertThat(Math.min(tenant.budgets().tokensPerDay(), tenant.budgets().tokensPerMonth()))
                .isGreaterThanOrEqualTo(perRun * perRequest.budgetTokens());
        assertThat(Math.min(tenant.budgets().costPicoUsdPerDay(), tenant.budgets().costPicoUsdPerMonth()))
                .isGreaterThanOrEqualTo(perRun * perRequest.costPicoUsd());
    }

    @Test
    void theBenchmarkSendsTheMeteredKeyAndThisPolicy() throws Exception {
        var lib = Files.readString(Path.of("bench/lib.sh"));

        assertThat(lib).contains(METERED_KEY, DEMO_KEY, "bench/tenants.json");
    }

    private Demand estimate(Tenant tenant) {
        var input = Pricing.estimatedTokens(Prompts.prompt(32_768, 4_096));
        return Pricing.demand(bench.price(HAIKU), input, tenant.limits().outputCap(null));
    }
}
