package io.auditgate.tenant;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A tenant of the gateway: its keys, the models it may use (none unless listed), its guardrail profile, limits and
 * whether it may send images (none unless its policy opts in).
 */
public record Tenant(String id, List<ApiKeyEntry> apiKeys, Set<String> allowedModels, String guardrailProfile,
                     TenantLimits limits, ImagePolicy images) {

    /** A tenant that sends no images. */
    public Tenant(String id, List<ApiKeyEntry> apiKeys, Set<String> allowedModels, String guardrailProfile,
                  TenantLimits limits) {
        this(id, apiKeys, allowedModels, guardrailProfile, limits, ImagePolicy.NONE);
    }

    public Tenant {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(guardrailProfile, "guardrailProfile");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(images, "images");
        apiKeys = List.copyOf(apiKeys);
        allowedModels = Set.copyOf(allowedModels);
        if (id.isBlank()) {
            throw new IllegalArgumentException("tenant id must not be blank");
        }
    }
}
