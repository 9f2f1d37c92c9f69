package io.auditgate.invoke;

import io.auditgate.bedrock.BedrockModel;
import io.auditgate.guardrail.GuardrailProfile;
import io.auditgate.guardrail.Guardrails;
import io.auditgate.telemetry.RequestTrace;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The business steps of one request, in order. Each step changes the type, so no step can be skipped:
 * only screened text reaches the model, only a screened answer reaches the client.
 */
@ApplicationScoped
public class InvokePipeline {

    @Inject
    Guardrails guardrails;

    @Inject
    BedrockModel bedrock;

    @Inject
    RequestTrace trace;

    InvokeResponse invoke(InvokeRequest request) {
        trace.model(request.model());
        var screened = guardrails.screen(GuardrailProfile.STANDARD, request);
        trace.metadata(screened.metadata());
        var completion = bedrock.complete(screened);
        var answer = guardrails.screen(screened, completion);
        trace.usage(completion.usage().inputTokens(), completion.usage().outputTokens());
        trace.guardrail(answer.status().wire());
        return new InvokeResponse(request.requestId(), completion.model(), trace.elapsedMillis(), answer.text(),
                answer.report(), completion.stopReason(), completion.usage());
    }
}
