package io.auditgate.tenant;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Maps the quota parts of a schema-valid policy: tenant limits, budgets, key limits and the {@code models} price
 * table. Money must be exact: a price with more than nine decimals (nano-USD per 1,000 tokens) or a budget with more
 * than twelve (pico-USD) is refused, never rounded.
 */
final class QuotaMapping {

    private QuotaMapping() {
    }

    static TenantLimits limits(JsonObject limits) {
        return new TenantLimits(limits.getInt("max_prompt_chars"), limits.getInt("max_output_tokens"),
                limits.getInt("max_concurrent_requests", TenantLimits.UNLIMITED),
                rate(limits, "requests_per_minute"), rate(limits, "tokens_per_minute"),
                limits.containsKey("default_max_tokens") ? OptionalInt.of(limits.getInt("default_max_tokens"))
                        : OptionalInt.empty(),
                limits.getBoolean("require_max_tokens", false));
    }

    static KeyLimits keyLimits(JsonObject key) {
        var limits = key.getJsonObject("limits");
        if (limits == null) {
            return KeyLimits.NONE;
        }
        return new KeyLimits(rate(limits, "requests_per_minute"), rate(limits, "tokens_per_minute"),
                rate(limits, "max_concurrent_requests"));
    }

    static Budgets budgets(Path file, String path, JsonObject tenant) {
        var budgets = tenant.getJsonObject("budgets");
        if (budgets == null) {
            return Budgets.NONE;
        }
        return new Budgets(rate(budgets, "tokens_per_day"), rate(budgets, "tokens_per_month"),
                money(file, path + ".cost_usd_per_day", budgets, "cost_usd_per_day"),
                money(file, path + ".cost_usd_per_month", budgets, "cost_usd_per_month"),
                "local".equals(budgets.getString("when_grid_unavailable", "refuse")));
    }

    static Map<String, ModelPrice> models(Path file, JsonObject document) {
        var table = document.getJsonObject("models");
        var models = new HashMap<String, ModelPrice>();
        if (table == null) {
            return models;
        }
        for (var id : table.keySet()) {
            var entry = table.getJsonObject(id);
            var path = "$.models['" + id + "']";
            models.put(id, new ModelPrice(nanos(file, path + ".input_usd_per_1k", entry, "input_usd_per_1k"),
                    nanos(file, path + ".output_usd_per_1k", entry, "output_usd_per_1k"),
                    entry.getInt("output_token_weight", 1)));
        }
        return models;
    }

    private static long rate(JsonObject json, String name) {
        return json.containsKey(name) ? json.getJsonNumber(name).longValueExact() : TenantLimits.UNLIMITED_RATE;
    }

    private static long money(Path file, String path, JsonObject json, String name) {
        if (!json.containsKey(name)) {
            return Budgets.UNLIMITED;
        }
        return exact(file, path, json.getJsonNumber(name).bigDecimalValue(), 12, "twelve decimals (pico-USD)");
    }

    private static long nanos(Path file, String path, JsonObject json, String name) {
        return exact(file, path, ((JsonNumber) json.get(name)).bigDecimalValue(), 9, "nine decimals (nano-USD)");
    }

    private static long exact(Path file, String path, BigDecimal usd, int decimals, String what) {
        try {
            return usd.movePointRight(decimals).longValueExact();
        } catch (ArithmeticException e) {
            throw new InvalidPolicyException(file, path, "must be exact to at most " + what);
        }
    }
}
