package io.auditgate.guardrail;

import io.auditgate.bedrock.Completion;
import io.auditgate.invoke.InvokeRequest;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The screening steps of the pipeline, in and out. This round has no detectors configured, so every text is
 * {@link GuardrailStatus#ALLOWED}; PII redaction and injection screening plug in here (issue 3) without the
 * pipeline or Bedrock code changing.
 */
@ApplicationScoped
public class Guardrails {

    public ScreenedPrompt screen(InvokeRequest request) {
        return new ScreenedPrompt(request.requestId(), request.model(), request.system(), request.messages(),
                request.inference(), request.metadata(), GuardrailStatus.ALLOWED);
    }

    public ScreenedAnswer screen(ScreenedPrompt prompt, Completion completion) {
        return new ScreenedAnswer(completion, completion.text(), prompt.status());
    }
}
