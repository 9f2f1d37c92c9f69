package io.auditgate.core;

import io.auditgate.auth.Caller;
import io.auditgate.conversation.ChatMessage;
import io.auditgate.conversation.ChatRequest;
import io.auditgate.quota.Allowance;
import io.auditgate.quota.Pricing;
import io.auditgate.quota.Quotas;
import io.auditgate.quota.TokenEstimate;
import io.auditgate.request.Ending;
import io.auditgate.request.Exchange;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The request path's two steps of a metered tenant's limits and budgets: admission reserves the request's estimate
 * (its input estimated from the text, {@link Pricing#estimatedTokens}, and its output cap) and puts the
 * {@link Allowance} on the exchange, where the answer's headers and the record find it; the request's end settles
 * what {@link Ending#charged} says, exactly once, because every request ends exactly once. An unmetered tenant's
 * requests pass without a ledger call.
 */
final class Metering {

    private static final Logger LOG = Logger.getLogger(Metering.class.getName());

    private final Quotas quotas;
    private final Executor continuation;

    Metering(Quotas quotas, Executor continuation) {
        this.quotas = quotas;
        this.continuation = continuation;
    }

    /**
     * The exchange with its allowance (admitted or refused: see {@link Allowance#admitted()}); fails with 503
     * {@code quota-unavailable} when the tenant's budgets cannot be checked. Completes at once for an unmetered tenant.
     */
    CompletableFuture<Exchange> admit(Exchange exchange, Caller caller, ChatRequest request) {
        var tenant = caller.tenant();
        if (!tenant.metered()) {
            return CompletableFuture.completedFuture(exchange);
        }
        var cap = caller.limits().outputCap(request.inference().maxTokens());
        return quotas.admit(tenant, caller.principal(), caller.policy().price(request.model()), inputTokens(request),
                cap, exchange.requestId(), continuation).thenApply(exchange::allowed);
    }

    /** Settles the request's reservation with what it used; a failure (a bug) is logged and changes nothing. */
    void settle(Ending ending) {
        try {
            ending.charged().ifPresent(charged ->
                    quotas.settle(ending.exchange().allowance().orElseThrow(), charged, continuation));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Quota settlement failed for " + ending.requestId(), e);
        }
    }

    /**
     * The input tokens estimated from all text the model reads: system, messages, tool results and calls, tool specs.
     * Counted piece by piece, the same as the pieces concatenated, without copying a prompt of up to 256 KB.
     */
    static long inputTokens(ChatRequest request) {
        var text = new TokenEstimate();
        request.system().ifPresent(text::add);
        for (ChatMessage message : request.messages()) {
            text.add(message.content());
            message.toolResults().forEach(r -> text.add(r.content()));
            message.toolCalls().forEach(c -> text.add(c.input().toString()));
        }
        request.tools().specs().forEach(spec -> text.add(spec.name()).add(spec.description())
                .add(spec.inputSchema().toString()));
        return text.tokens();
    }
}
