package io.auditgate.tenant;

import io.auditgate.guardrail.GuardrailProfiles;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;

/** Maps a schema-valid policy document to records, explicitly field by field. */
final class PolicyMapping {

    private PolicyMapping() {
    }

    static TenantsPolicy toPolicy(Path file, JsonObject document, String fingerprint) {
        var tenants = new ArrayList<Tenant>();
        var array = document.getJsonArray("tenants");
        for (int i = 0; i < array.size(); i++) {
            tenants.add(tenant(file, "$.tenants[" + i + "]", array.getJsonObject(i)));
        }
        var profiles = GuardrailProfiles.from(document.getJsonObject("guardrail_profiles") == null
                ? jakarta.json.JsonValue.EMPTY_JSON_OBJECT : document.getJsonObject("guardrail_profiles"));
        var models = QuotaMapping.models(file, document);
        PolicyChecks.check(file, tenants, profiles.keySet());
        PolicyChecks.checkQuotas(file, tenants, models);
        return new TenantsPolicy(document.getInt("version"), tenants, fingerprint, profiles, models);
    }

    private static Tenant tenant(Path file, String path, JsonObject json) {
        var keys = new ArrayList<ApiKeyEntry>();
        var array = json.getJsonArray("api_keys");
        for (int i = 0; i < array.size(); i++) {
            keys.add(key(file, path + ".api_keys[" + i + "]", array.getJsonObject(i)));
        }
        var models = new LinkedHashSet<String>();
        json.getJsonArray("allowed_models").getValuesAs(JsonString.class).forEach(s -> models.add(s.getString()));
        return new Tenant(json.getString("id"), keys, models, json.getString("guardrail_profile"),
                QuotaMapping.limits(json.getJsonObject("limits")), QuotaMapping.budgets(file, path + ".budgets", json));
    }

    private static ApiKeyEntry key(Path file, String path, JsonObject json) {
        return new ApiKeyEntry(json.getString("key_id"), json.getString("sha256"),
                expires(file, path + ".expires", json), json.getBoolean("revoked", false), QuotaMapping.keyLimits(json));
    }

    private static Instant expires(Path file, String path, JsonObject json) {
        if (!json.containsKey("expires")) {
            return null;
        }
        try {
            return Instant.parse(json.getString("expires"));
        } catch (DateTimeParseException e) {
            throw new InvalidPolicyException(file, path, "not an ISO-8601 instant such as 2026-01-31T00:00:00Z");
        }
    }
}
