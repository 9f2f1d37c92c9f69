package io.auditgate.invoke;

import io.auditgate.bedrock.BedrockModel;
import io.auditgate.audit.AuditTrail;
import io.auditgate.auth.Caller;
import io.auditgate.auth.Tenants;
import io.auditgate.conversation.InvokeRequest;
import io.auditgate.guardrail.Guardrails;
import io.auditgate.guardrail.PromptBlocked;
import io.auditgate.guardrail.ScreenedPrompt;
import io.auditgate.telemetry.RequestTrace;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The business steps of one request, in order: the tenant may use the model (403) within its limits (400),
 * the prompt is screened (422 or redacted) and journaled, the model answers, the answer is screened and its
 * complete record made durable. Each step changes the type, so no step can be skipped: only screened text
 * reaches the model or the audit trail, and no answer leaves without its durable record.
 */
@ApplicationScoped
public class InvokePipeline {

    @Inject
    Guardrails guardrails;

    @Inject
    BedrockModel bedrock;

    @Inject
    Tenants tenants;

    @Inject
    AuditTrail audit;

    @Inject
    RequestTrace trace;

    InvokeResponse invoke(Caller caller, InvokeRequest request) {
        trace.model(request.model());
        caller.requireModel(request.model());
        TenantLimitsCheck.check(caller.limits(), request);
        var screened = screen(caller, request);
        trace.metadata(screened.metadata());
        audit.begin(screened);
        var completion = bedrock.complete(screened);
        var answer = guardrails.screen(screened, completion);
        trace.usage(completion.usage().inputTokens(), completion.usage().outputTokens());
        audit.complete(screened, answer);
        trace.guardrail(answer.status().wire());
        return new InvokeResponse(request.requestId(), completion.model(), trace.elapsedMillis(), answer.text(),
                answer.report(), completion.stopReason(), completion.usage());
    }

    /** A refused prompt's redacted text and findings go to its audit record before the 422 is answered. */
    private ScreenedPrompt screen(Caller caller, InvokeRequest request) {
        try {
            return guardrails.screen(tenants.profileFor(caller), request);
        } catch (PromptBlocked e) {
            trace.metadata(e.prompt().metadata());
            trace.guardrail(e.prompt().report().status().wire());
            audit.blocked(e.prompt());
            throw e;
        }
    }
}
