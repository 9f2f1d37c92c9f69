package io.auditgate.quota;

import io.auditgate.conversation.Completion;
import io.auditgate.tenant.ModelPrice;
import java.util.Objects;

/**
 * What the ledger decided for one request, travelling with it ({@code request.Exchange}) to its end: the demand it
 * asked for, the verdict, and what settlement needs (the ticket, the model's price). Never a bean: a value.
 *
 * @param inputTokens the input tokens estimated ({@link Pricing#estimatedTokens}), also what a stream cut short
 *                    is charged for its input
 * @param asked       the estimate reserved (or refused): input tokens estimated plus the output cap
 * @param price       the requested model's price, which the reservation used
 * @param local       the reservation was taken on this instance alone (the grid was unavailable, or none is used)
 */
public record Allowance(String tenant, String ticket, String key, long inputTokens, Demand asked, ModelPrice price, boolean local,
                        Verdict verdict) {

    public Allowance {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(ticket, "ticket");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(asked, "asked");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(verdict, "verdict");
    }

    public boolean admitted() {
        return verdict.admitted();
    }

    /** What the request counts against the buckets for {@code usage}, at {@code answering}'s price and weight. */
    public Demand charge(Completion.Usage usage, ModelPrice answering) {
        return Pricing.demand(answering, usage.inputTokens(), usage.outputTokens());
    }

    /** What a stream cut short before Bedrock reported its usage is charged: the input estimate and what was sent. */
    public Demand chargeUnreported(String sent, ModelPrice answering) {
        return Pricing.demand(answering, inputTokens, Pricing.estimatedTokens(sent));
    }
}
