package io.auditgate.auth;

import io.auditgate.problem.GatewayException;
import io.auditgate.problem.ProblemType;
import java.util.Objects;
import java.util.Set;

/**
 * An authenticated caller and what its tenant may do.
 *
 * @param principal the API key id, or the JWT subject: never a secret
 */
public record Caller(String tenantId, String principal, AuthMethod authMethod, Set<String> allowedModels,
                     String guardrailProfile, TenantLimits limits) {

    public Caller {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(authMethod, "authMethod");
        Objects.requireNonNull(guardrailProfile, "guardrailProfile");
        Objects.requireNonNull(limits, "limits");
        allowedModels = Set.copyOf(allowedModels);
    }

    static Caller of(Tenant tenant, String principal, AuthMethod method) {
        return new Caller(tenant.id(), principal, method, tenant.allowedModels(), tenant.guardrailProfile(), tenant.limits());
    }

    /**
     * Passes if the tenant lists {@code modelId} exactly; deny by default. The refusal does not name the model: the
     * id is client text, and the client knows what it asked for.
     *
     * @throws GatewayException {@link ProblemType#MODEL_NOT_ALLOWED} otherwise
     */
    public void requireModel(String modelId) {
        if (modelId == null || !allowedModels.contains(modelId)) {
            throw new GatewayException(ProblemType.MODEL_NOT_ALLOWED, "This tenant may not use the requested model.");
        }
    }
}
