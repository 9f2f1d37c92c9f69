package io.auditgate.tenant;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the schema cannot say of a tenant's {@code routes}: a route is for a model the tenant may use, every fallback is
 * itself allowed (deny by default), none is the model itself, the routes form no cycle, and for a tenant pinned to
 * Regions no fallback can route outside them ({@link RegionPins}; plain model ids are checked per request, against
 * the gateway's own Region, which the policy does not know).
 */
final class RouteChecks {

    private RouteChecks() {
    }

    static void check(Path file, List<Tenant> tenants) {
        for (int t = 0; t < tenants.size(); t++) {
            var tenant = tenants.get(t);
            var path = "$.tenants[" + t + "].routes";
            for (var route : tenant.fallbacks().entrySet()) {
                var model = route.getKey();
                var at = path + "['" + model + "']";
                if (!tenant.allowedModels().contains(model)) {
                    throw new InvalidPolicyException(file, at, "a route for a model the tenant may not use (not in allowed_models)");
                }
                var fallbacks = route.getValue();
                for (int f = 0; f < fallbacks.size(); f++) {
                    fallback(file, tenant, model, fallbacks.get(f), at + ".fallbacks[" + f + "]");
                }
                if (cycles(tenant, model, model, new HashSet<>())) {
                    throw new InvalidPolicyException(file, at, "the routes form a cycle back to this model");
                }
            }
        }
    }

    private static void fallback(Path file, Tenant tenant, String model, String fallback, String at) {
        if (fallback.equals(model)) {
            throw new InvalidPolicyException(file, at, "a model cannot be its own fallback");
        }
        if (!tenant.allowedModels().contains(fallback)) {
            throw new InvalidPolicyException(file, at, "the fallback is not in the tenant's allowed_models");
        }
        var outside = RegionPins.outside(fallback, tenant.allowedRegions(), null);
        if (outside.isPresent()) {
            throw new InvalidPolicyException(file, at, "the fallback can route outside allowed_regions: " + outside.get());
        }
    }

    /** True if following fallbacks from {@code from} reaches {@code start} again. */
    private static boolean cycles(Tenant tenant, String start, String from, Set<String> seen) {
        for (var next : tenant.fallbacksOf(from)) {
            if (next.equals(start)) {
                return true;
            }
            if (seen.add(next) && cycles(tenant, start, next, seen)) {
                return true;
            }
        }
        return false;
    }
}
