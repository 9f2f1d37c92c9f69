package io.auditgate.simulator;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one guardrail the simulator knows, {@code sim-guardrail} (any version): it blocks the denied word
 * "forbiddenword" (any case) and e-mail addresses, and renders its findings in the service's assessment shape.
 */
final class SimGuardrail {

    static final String IDENTIFIER = "sim-guardrail";
    static final String DENIED_WORD = "forbiddenword";
    static final String BLOCKED_MESSAGE = "Sorry, the model cannot answer this question.";
    static final String ACTION_REASON = "Guardrail blocked.";

    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");

    private SimGuardrail() {
    }

    /** Fails like the service when the guardrail does not exist. */
    static void require(String identifier) {
        if (!IDENTIFIER.equals(identifier)) {
            throw new BedrockFailure(BedrockError.RESOURCE_NOT_FOUND,
                    "The guardrail identifier or version provided in the request does not exist.");
        }
    }

    static GuardrailVerdict assess(List<String> texts) {
        long started = System.nanoTime();
        List<String> words = new ArrayList<>();
        List<String> emails = new ArrayList<>();
        int characters = 0;
        for (String text : texts) {
            characters += text.length();
            if (words.isEmpty() && text.toLowerCase(Locale.ROOT).contains(DENIED_WORD)) {
                words.add(DENIED_WORD);
            }
            var matcher = EMAIL.matcher(text);
            while (matcher.find()) {
                emails.add(matcher.group());
            }
        }
        return new GuardrailVerdict(words, emails, characters, (System.nanoTime() - started) / 1_000_000);
    }

    /** One GuardrailAssessment: the policies that matched, plus invocation metrics. */
    static JsonObject assessment(GuardrailVerdict verdict) {
        var assessment = Json.object();
        if (!verdict.deniedWords().isEmpty()) {
            var words = Json.array();
            verdict.deniedWords().forEach(word -> words.add(Json.object()
                    .add("match", word).add("action", "BLOCKED").add("detected", true)));
            assessment.add("wordPolicy", Json.object().add("customWords", words));
        }
        if (!verdict.emails().isEmpty()) {
            var entities = Json.array();
            verdict.emails().forEach(email -> entities.add(Json.object()
                    .add("match", email).add("type", "EMAIL").add("action", "BLOCKED").add("detected", true)));
            assessment.add("sensitiveInformationPolicy", Json.object().add("piiEntities", entities));
        }
        return assessment.add("invocationMetrics", Json.object()
                .add("guardrailProcessingLatency", verdict.latencyMs())
                .add("usage", usage(verdict))
                .add("guardrailCoverage", coverage(verdict))).build();
    }

    /** GuardrailUsage: policy units of 1,000 characters for the policies this guardrail has. */
    static JsonObject usage(GuardrailVerdict verdict) {
        int units = Math.max(1, (verdict.characters() + 999) / 1000);
        return Json.object()
                .add("topicPolicyUnits", 0)
                .add("contentPolicyUnits", 0)
                .add("wordPolicyUnits", units)
                .add("sensitiveInformationPolicyUnits", units)
                .add("sensitiveInformationPolicyFreeUnits", 0)
                .add("contextualGroundingPolicyUnits", 0).build();
    }

    static JsonObject coverage(GuardrailVerdict verdict) {
        return Json.object().add("textCharacters", Json.object()
                .add("guarded", verdict.characters()).add("total", verdict.characters())).build();
    }
}
