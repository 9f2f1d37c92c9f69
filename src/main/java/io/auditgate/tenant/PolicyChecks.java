package io.auditgate.tenant;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@code tenants.schema.json} cannot say: ids and key hashes are unique across the whole file, every
 * tenant's guardrail profile exists, and a tenant with a cost budget may use only models that have a price (otherwise
 * its spending could not be counted).
 */
final class PolicyChecks {

    private PolicyChecks() {
    }

    static void check(Path file, List<Tenant> tenants, Set<String> profiles) {
        var tenantIds = new HashMap<String, Integer>();
        var keyIds = new HashMap<String, String>();
        var hashes = new HashMap<String, String>();
        for (int t = 0; t < tenants.size(); t++) {
            var tenant = tenants.get(t);
            var path = "$.tenants[" + t + "]";
            if (!profiles.contains(tenant.guardrailProfile())) {
                throw new InvalidPolicyException(file, path + ".guardrail_profile",
                        "no guardrail profile of that name (known: " + new java.util.TreeSet<>(profiles) + ")");
            }
            var first = tenantIds.putIfAbsent(tenant.id(), t);
            if (first != null) {
                throw new InvalidPolicyException(file, path + ".id", "duplicate tenant id (first at $.tenants[" + first + "])");
            }
            for (int k = 0; k < tenant.apiKeys().size(); k++) {
                var key = tenant.apiKeys().get(k);
                var keyPath = path + ".api_keys[" + k + "]";
                unique(file, keyIds, key.keyId(), keyPath + ".key_id", "duplicate key id");
                unique(file, hashes, key.sha256(), keyPath + ".sha256", "duplicate key hash");
            }
        }
    }

    private static void unique(Path file, Map<String, String> seen, String value, String path, String reason) {
        var first = seen.putIfAbsent(value, path);
        if (first != null) {
            throw new InvalidPolicyException(file, path, reason + " (first at " + first + ")");
        }
    }

    static void checkQuotas(Path file, List<Tenant> tenants, Map<String, ModelPrice> models) {
        for (int t = 0; t < tenants.size(); t++) {
            var tenant = tenants.get(t);
            var limits = tenant.limits();
            if (limits.defaultMaxTokens().isPresent() && limits.defaultMaxTokens().getAsInt() > limits.maxOutputTokens()) {
                throw new InvalidPolicyException(file, "$.tenants[" + t + "].limits.default_max_tokens",
                        "must not exceed max_output_tokens (" + limits.maxOutputTokens() + ")");
            }
            if (!tenant.budgets().hasCost()) {
                continue;
            }
            var unpriced = new java.util.TreeSet<>(tenant.allowedModels());
            unpriced.removeAll(models.keySet());
            if (!unpriced.isEmpty()) {
                throw new InvalidPolicyException(file, "$.tenants[" + t + "].allowed_models",
                        "a tenant with a cost budget may only use models priced in $.models; unpriced: " + unpriced);
            }
        }
    }
}
