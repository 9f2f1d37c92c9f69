package io.auditgate.guardrail;

import io.auditgate.conversation.Completion;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Folds a Bedrock guardrail trace into a stage report: blocked if it intervened, findings by type and action. */
final class BedrockVerdicts {

    private static final Comparator<Completion.Assessed> ORDER =
            Comparator.comparing(Completion.Assessed::type).thenComparing(Completion.Assessed::action);

    private BedrockVerdicts() {
    }

    static StageReport report(Completion.GuardrailTrace trace) {
        Map<Completion.Assessed, Integer> counts = trace.assessed().stream()
                .collect(Collectors.groupingBy(a -> a, () -> new TreeMap<>(ORDER), Collectors.summingInt(a -> 1)));
        var findings = counts.entrySet().stream()
                .map(e -> new Finding(e.getKey().type(), e.getValue(), e.getKey().action())).toList();
        return new StageReport(trace.intervened() ? GuardrailStatus.BLOCKED : GuardrailStatus.ALLOWED, findings);
    }
}
