package io.auditgate.tenant;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/** A tenant of the gateway: its keys, the models it may use (none unless listed), its guardrail profile and limits. */
public record Tenant(String id, List<ApiKeyEntry> apiKeys, Set<String> allowedModels, String guardrailProfile,
                     TenantLimits limits) {

    public Tenant {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(guardrailProfile, "guardrailProfile");
        Objects.requireNonNull(limits, "limits");
        apiKeys = List.copyOf(apiKeys);
        allowedModels = Set.copyOf(allowedModels);
        if (id.isBlank()) {
            throw new IllegalArgumentException("tenant id must not be blank");
        }
    }
}
