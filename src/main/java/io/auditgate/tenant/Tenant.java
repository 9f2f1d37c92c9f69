package io.auditgate.tenant;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A tenant of the gateway: its keys, the models it may use (none unless listed), its guardrail profile and limits,
 * the fallbacks per requested model ({@code routes}, each itself allowed), the Regions it is pinned to (none: not
 * pinned), whether it may send images (none unless its policy opts in) and its budgets.
 *
 * @param fallbacks      per requested model, the other models to try in order when it cannot answer
 * @param allowedRegions the AWS Regions the tenant's requests may be served in; empty for anywhere
 */
public record Tenant(String id, List<ApiKeyEntry> apiKeys, Set<String> allowedModels, String guardrailProfile,
                     TenantLimits limits, Map<String, List<String>> fallbacks, Set<String> allowedRegions,
                     ImagePolicy images, Budgets budgets) {

    public Tenant {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(guardrailProfile, "guardrailProfile");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(images, "images");
        Objects.requireNonNull(budgets, "budgets");
        apiKeys = List.copyOf(apiKeys);
        allowedModels = Set.copyOf(allowedModels);
        fallbacks = fallbacks.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> List.copyOf(e.getValue())));
        allowedRegions = Set.copyOf(allowedRegions);
        if (id.isBlank()) {
            throw new IllegalArgumentException("tenant id must not be blank");
        }
    }

    /** A tenant without fallbacks, not pinned to Regions, sending no images, without budgets. */
    public Tenant(String id, List<ApiKeyEntry> apiKeys, Set<String> allowedModels, String guardrailProfile,
                  TenantLimits limits) {
        this(id, apiKeys, allowedModels, guardrailProfile, limits, Map.of(), Set.of(), ImagePolicy.NONE, Budgets.NONE);
    }

    /** A tenant with routes and Region pins, sending no images, without budgets. */
    public Tenant(String id, List<ApiKeyEntry> apiKeys, Set<String> allowedModels, String guardrailProfile,
                  TenantLimits limits, Map<String, List<String>> fallbacks, Set<String> allowedRegions) {
        this(id, apiKeys, allowedModels, guardrailProfile, limits, fallbacks, allowedRegions, ImagePolicy.NONE,
                Budgets.NONE);
    }

    /** A tenant with the given image policy and nothing else optional. */
    public Tenant(String id, List<ApiKeyEntry> apiKeys, Set<String> allowedModels, String guardrailProfile,
                  TenantLimits limits, ImagePolicy images) {
        this(id, apiKeys, allowedModels, guardrailProfile, limits, Map.of(), Set.of(), images, Budgets.NONE);
    }

    /** A tenant with the given budgets and nothing else optional. */
    public Tenant(String id, List<ApiKeyEntry> apiKeys, Set<String> allowedModels, String guardrailProfile,
                  TenantLimits limits, Budgets budgets) {
        this(id, apiKeys, allowedModels, guardrailProfile, limits, Map.of(), Set.of(), ImagePolicy.NONE, budgets);
    }

    /** The models to try after {@code model}, in order; none unless the policy routes it. */
    public List<String> fallbacksOf(String model) {
        return fallbacks.getOrDefault(model, List.of());
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
