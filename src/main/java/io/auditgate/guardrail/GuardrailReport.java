package io.auditgate.guardrail;

import java.util.Objects;
import java.util.Optional;

/** Per stage, what the guardrails decided for one request; {@link #status()} is the worst of the stages. */
public record GuardrailReport(StageReport input, StageReport output, Optional<StageReport> bedrock) {

    public GuardrailReport {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(bedrock, "bedrock");
    }

    public GuardrailStatus status() {
        var worst = GuardrailStatus.worst(input.status(), output.status());
        return bedrock.map(b -> GuardrailStatus.worst(worst, b.status())).orElse(worst);
    }

    public boolean isClean() {
        return input.isClean() && output.isClean() && bedrock.map(StageReport::isClean).orElse(true);
    }
}
