package io.auditgate.guardrail;

import io.auditgate.guardrail.injection.InjectionAction;
import io.auditgate.guardrail.injection.InjectionPolicy;
import io.auditgate.guardrail.pii.PiiAction;
import io.auditgate.guardrail.pii.PiiPolicy;
import io.auditgate.guardrail.pii.PiiType;
import jakarta.json.JsonObject;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The named profiles tenants refer to: the built-ins {@code standard} (mask every type in and out, flag likely
 * injection) and {@code strict} (refuse card, bank, SSN and secret values, mask the rest, refuse likely
 * injection), plus the {@code guardrail_profiles} of the tenants policy file, which may redefine them.
 */
public final class GuardrailProfiles {

    private static final Map<PiiType, PiiAction> STRICT_INPUT = blocking(PiiType.CREDIT_DEBIT_CARD_NUMBER,
            PiiType.US_SOCIAL_SECURITY_NUMBER, PiiType.INTERNATIONAL_BANK_ACCOUNT_NUMBER, PiiType.US_BANK_ROUTING_NUMBER,
            PiiType.AWS_ACCESS_KEY, PiiType.AWS_SECRET_KEY, PiiType.PRIVATE_KEY, PiiType.BEARER_TOKEN);

    public static final GuardrailProfile STRICT = new GuardrailProfile("strict", PiiPolicy.of(STRICT_INPUT),
            PiiPolicy.maskAll(), new InjectionPolicy(InjectionPolicy.DEFAULT_THRESHOLD, InjectionAction.BLOCK), Optional.empty());

    private GuardrailProfiles() {
    }

    public static Map<String, GuardrailProfile> builtIn() {
        return Map.of(GuardrailProfile.STANDARD.name(), GuardrailProfile.STANDARD, STRICT.name(), STRICT);
    }

    /** The built-ins overlaid with the profiles of a schema-valid {@code guardrail_profiles} object. */
    public static Map<String, GuardrailProfile> from(JsonObject definitions) {
        var profiles = new LinkedHashMap<>(builtIn());
        definitions.forEach((name, value) -> profiles.put(name, profile(name, value.asJsonObject())));
        return Map.copyOf(profiles);
    }

    private static GuardrailProfile profile(String name, JsonObject json) {
        var injection = json.containsKey("injection")
                ? new InjectionPolicy(json.getJsonObject("injection").getJsonNumber("threshold").doubleValue(),
                        InjectionAction.valueOf(json.getJsonObject("injection").getString("action")))
                : InjectionPolicy.DEFAULT;
        var bedrock = json.containsKey("bedrock_guardrail")
                ? Optional.of(new BedrockGuardrail(json.getJsonObject("bedrock_guardrail").getString("id"),
                        json.getJsonObject("bedrock_guardrail").getString("version")))
                : Optional.<BedrockGuardrail>empty();
        return new GuardrailProfile(name, pii(json, "input"), pii(json, "output"), injection, bedrock);
    }

    private static PiiPolicy pii(JsonObject profile, String stage) {
        if (!profile.containsKey(stage)) {
            return PiiPolicy.maskAll();
        }
        var rules = profile.getJsonObject(stage);
        var actions = new EnumMap<PiiType, PiiAction>(PiiType.class);
        if (rules.containsKey("types")) {
            rules.getJsonObject("types").forEach((type, action) ->
                    actions.put(PiiType.valueOf(type), PiiAction.valueOf(((jakarta.json.JsonString) action).getString())));
        }
        return new PiiPolicy(actions, PiiAction.valueOf(rules.getString("default", "MASK")));
    }

    private static Map<PiiType, PiiAction> blocking(PiiType... types) {
        var actions = new EnumMap<PiiType, PiiAction>(PiiType.class);
        for (var type : types) {
            actions.put(type, PiiAction.BLOCK);
        }
        return actions;
    }
}
