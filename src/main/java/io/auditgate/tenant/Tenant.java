package io.auditgate.tenant;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A tenant of the gateway: its keys, the models it may use (none unless listed), its guardrail profile, limits and
 * budgets.
 */
public record Tenant(String id, List<ApiKeyEntry> apiKeys, Set<String> allowedModels, String guardrailProfile,
                     TenantLimits limits, Budgets budgets) {

    /** A tenant without budgets. */
    public Tenant(String id, List<ApiKeyEntry> apiKeys, Set<String> allowedModels, String guardrailProfile,
                  TenantLimits limits) {
        this(id, apiKeys, allowedModels, guardrailProfile, limits, Budgets.NONE);
    }

    public Tenant {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(guardrailProfile, "guardrailProfile");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(budgets, "budgets");
        apiKeys = List.copyOf(apiKeys);
        allowedModels = Set.copyOf(allowedModels);
        if (id.isBlank()) {
            throw new IllegalArgumentException("tenant id must not be blank");
        }
    }

    /** The key of this id, if the tenant has one. */
    public Optional<ApiKeyEntry> key(String keyId) {
        return apiKeys.stream().filter(k -> k.keyId().equals(keyId)).findFirst();
    }

    /** Whether any limit or budget counts this tenant's traffic, so that the ledger must be asked. */
    public boolean metered() {
        return limits.countsTraffic() || budgets.any() || apiKeys.stream().anyMatch(k -> k.limits().any());
    }
}
