package io.auditgate.guardrail;

import java.util.List;
import java.util.Objects;

/** The verdict of one screening stage (input, output or Bedrock's guardrail) and what it found. */
public record StageReport(GuardrailStatus status, List<Finding> findings) {

    public static final StageReport CLEAN = new StageReport(GuardrailStatus.ALLOWED, List.of());
    /** A request refused before screening (400, 401, 403, 404, 405, 406, 413, 415): nothing was looked at. */
    public static final StageReport NOT_SCREENED = new StageReport(GuardrailStatus.NOT_SCREENED, List.of());

    public StageReport {
        Objects.requireNonNull(status, "status");
        findings = List.copyOf(findings);
    }

    public boolean isClean() {
        return status == GuardrailStatus.ALLOWED && findings.isEmpty();
    }
}
