package io.auditgate.core;

import io.auditgate.audit.AuditTrail;
import io.auditgate.auth.Authentication;
import io.auditgate.bedrock.BedrockModel;
import io.auditgate.guardrail.Guardrails;
import io.auditgate.guardrail.PromptBlocked;
import io.auditgate.guardrail.ScreenedPrompt;
import io.auditgate.problem.Problem;
import io.auditgate.problem.Problems;
import io.auditgate.request.Ending;
import io.auditgate.request.Exchange;
import io.auditgate.request.RequestObserver;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * The request path, the same for every endpoint: the caller is authenticated (401) and may use the model (403)
 * within its limits (400); the prompt is screened (422 or redacted) and journaled; the model answers; the answer is
 * screened and its complete record made durable; only then may the endpoint send it. Each step changes the type, so
 * none can be skipped and only screened text reaches the model, the record, the log line or the metrics.
 * <p>
 * Every request leaves exactly one audit record and one {@link RequestObserver#ended} by this class's structure:
 * each way out of {@link #serve} ends in {@link #answered} or {@link #refused}, and an endpoint has no other way
 * to get a {@link Reply}.
 */
@ApplicationScoped
public class Gateway {

    @Inject
    Authentication authentication;

    @Inject
    Guardrails guardrails;

    @Inject
    BedrockModel bedrock;

    @Inject
    AuditTrail audit;

    @Inject
    RequestObserver observer;

    /** For CDI. */
    public Gateway() {
    }

    /** Wired by hand (flow tests): the real steps, with fakes only where they meet the model and the journal. */
    public Gateway(Authentication authentication, Guardrails guardrails, BedrockModel bedrock, AuditTrail audit,
                   RequestObserver observer) {
        this.authentication = authentication;
        this.guardrails = guardrails;
        this.bedrock = bedrock;
        this.audit = audit;
        this.observer = observer;
    }

    /** Serves one request that arrived as {@code arrived}, asking {@code inbound} for its parts in order. */
    public Reply serve(Exchange arrived, Inbound inbound) {
        observer.started(arrived);
        var exchange = arrived;
        try {
            var caller = authentication.authenticate(inbound.credential());
            exchange = exchange.authenticated(caller);
            var request = inbound.request();
            exchange = exchange.asking(request.model());
            caller.requireModel(request.model());
            TenantLimitsCheck.check(caller.limits(), request);
            return answer(exchange, guardrails.screen(caller.profile(), request));
        } catch (PromptBlocked e) {
            return refused(exchange, Optional.of(e.prompt()), e);
        } catch (RuntimeException | Error e) {
            return refused(exchange, Optional.empty(), e);
        }
    }

    /**
     * A request refused before it reached {@link #serve}'s steps (one the container answered by itself): its
     * record and its end, as for any other refusal.
     */
    public Reply refuse(Exchange exchange, Throwable failure) {
        observer.started(exchange);
        return refused(exchange, Optional.empty(), failure);
    }

    private Reply answer(Exchange exchange, ScreenedPrompt prompt) {
        AuditTrail.Receipt receipt;
        Ending ending;
        try {
            audit.begin(exchange, prompt);
            var completion = bedrock.complete(prompt, exchange.calls());
            ending = Ending.answered(exchange, prompt, guardrails.screen(prompt, completion));
            receipt = audit.complete(ending);
        } catch (RuntimeException | Error e) {
            return refused(exchange, Optional.of(prompt), e);
        }
        return answered(ending, receipt);
    }

    /** The record is durable; in direct mode the answer also waits until the store holds it. */
    private Reply answered(Ending ending, AuditTrail.Receipt receipt) {
        try {
            audit.awaitStored(receipt);
        } catch (RuntimeException e) {
            var problem = Problems.of(e, ending.requestId());
            return ended(ending.undelivered(problem.type()), Optional.of(problem));
        }
        return ended(ending, Optional.empty());
    }

    private Reply refused(Exchange exchange, Optional<ScreenedPrompt> prompt, Throwable failure) {
        var problem = Problems.of(failure, exchange.requestId());
        var ending = Ending.refused(exchange, prompt, problem.type());
        audit.refused(ending);
        return ended(ending, Optional.of(problem));
    }

    private Reply ended(Ending ending, Optional<Problem> problem) {
        var closed = ending.closed();
        observer.ended(closed);
        return new Reply(closed, problem);
    }
}
