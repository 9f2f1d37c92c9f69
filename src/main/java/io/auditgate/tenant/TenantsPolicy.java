package io.auditgate.tenant;

import io.auditgate.guardrail.GuardrailProfile;
import io.auditgate.guardrail.GuardrailProfiles;
import java.util.HashSet;
import java.util.Map;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One loaded version of the tenants policy file.
 *
 * @param version     the operator's revision number from the file
 * @param fingerprint lower-case hex SHA-256 of the file's bytes; audit records carry it to say which policy applied
 * @param profiles    the guardrail profiles by name: built-ins and the file's {@code guardrail_profiles}
 * @param models      the price table ({@code models}) by model id
 */
public record TenantsPolicy(int version, List<Tenant> tenants, String fingerprint, Map<String, GuardrailProfile> profiles,
                            Map<String, ModelPrice> models) {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    public TenantsPolicy {
        Objects.requireNonNull(fingerprint, "fingerprint");
        tenants = List.copyOf(tenants);
        profiles = Map.copyOf(profiles);
        models = Map.copyOf(models);
        if (!SHA256_HEX.matcher(fingerprint).matches()) {
            throw new IllegalArgumentException("fingerprint must be 64 lower-case hex digits");
        }
        var ids = new HashSet<String>();
        for (var tenant : tenants) {
            if (!ids.add(tenant.id())) {
                throw new IllegalArgumentException("duplicate tenant id " + tenant.id());
            }
        }
    }

    /** A policy without a price table. */
    public TenantsPolicy(int version, List<Tenant> tenants, String fingerprint, Map<String, GuardrailProfile> profiles) {
        this(version, tenants, fingerprint, profiles, Map.of());
    }

    /** A policy with the built-in guardrail profiles only. */
    public TenantsPolicy(int version, List<Tenant> tenants, String fingerprint) {
        this(version, tenants, fingerprint, GuardrailProfiles.builtIn());
    }

    /** The model's price and output weight, {@link ModelPrice#UNPRICED} when the table has no entry. */
    public ModelPrice price(String modelId) {
        return models.getOrDefault(modelId, ModelPrice.UNPRICED);
    }

    /** The tenant's screening profile; loading guarantees that every tenant's profile exists. */
    public GuardrailProfile profileOf(Tenant tenant) {
        return Objects.requireNonNull(profiles.get(tenant.guardrailProfile()), tenant.guardrailProfile());
    }

    public Optional<Tenant> tenant(String id) {
        return tenants.stream().filter(t -> t.id().equals(id)).findFirst();
    }
}
