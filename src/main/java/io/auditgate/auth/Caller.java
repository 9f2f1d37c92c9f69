package io.auditgate.auth;

import io.auditgate.guardrail.GuardrailProfile;
import io.auditgate.problem.GatewayException;
import io.auditgate.problem.ProblemType;
import io.auditgate.tenant.RegionPins;
import io.auditgate.tenant.Tenant;
import io.auditgate.tenant.TenantLimits;
import io.auditgate.tenant.TenantsPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An authenticated caller, and the version of the tenants policy that governs the rest of its request: taken once,
 * when the credential was checked, so that a reload in the middle of a request changes nothing of it, and its audit
 * record cites the version that actually applied.
 *
 * @param principal the API key id, or the JWT subject: never a secret
 * @param tenant    the caller's tenant as {@code policy} defines it
 * @param policy    the snapshot the credential was checked against
 */
public record Caller(String principal, AuthMethod authMethod, Tenant tenant, TenantsPolicy policy) {

    public Caller {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(authMethod, "authMethod");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(policy, "policy");
    }

    public String tenantId() {
        return tenant.id();
    }

    public Set<String> allowedModels() {
        return tenant.allowedModels();
    }

    public TenantLimits limits() {
        return tenant.limits();
    }

    /** The tenant's screening profile in the same policy version (loading guarantees it exists). */
    public GuardrailProfile profile() {
        return policy.profileOf(tenant);
    }

    /**
     * Passes if the tenant lists {@code modelId} exactly; deny by default. The refusal does not name the model: the
     * id is client text, and the client knows what it asked for.
     *
     * @throws GatewayException {@link ProblemType#MODEL_NOT_ALLOWED} otherwise
     */
    public void requireModel(String modelId) {
        if (modelId == null || !tenant.allowedModels().contains(modelId)) {
            throw new GatewayException(ProblemType.MODEL_NOT_ALLOWED, "This tenant may not use the requested model.");
        }
    }

    /**
     * The models to try for {@code modelId}, in order: the model itself, then its fallbacks ({@code routes}), all within
     * the tenant's Regions. A requested model that may route outside them is refused with the reason; a fallback that
     * would (only a plain model id when the gateway's Region is outside them: loading checks the rest) is left out.
     *
     * @param gatewayRegion the Region the gateway calls Bedrock in
     * @throws GatewayException {@link ProblemType#MODEL_NOT_ALLOWED} if the tenant may not use the model
     */
    public List<String> route(String modelId, String gatewayRegion) {
        requireModel(modelId);
        var pinned = tenant.allowedRegions();
        RegionPins.outside(modelId, pinned, gatewayRegion).ifPresent(reason -> {
            throw new GatewayException(ProblemType.MODEL_NOT_ALLOWED, "This tenant is pinned to Regions: " + reason);
        });
        var route = new ArrayList<String>();
        route.add(modelId);
        tenant.fallbacksOf(modelId).stream()
                .filter(fallback -> RegionPins.outside(fallback, pinned, gatewayRegion).isEmpty())
                .forEach(route::add);
        return List.copyOf(route);
    }
}
