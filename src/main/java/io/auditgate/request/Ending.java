package io.auditgate.request;

import io.auditgate.conversation.Completion;
import io.auditgate.guardrail.GuardrailStatus;
import io.auditgate.guardrail.ScreenedAnswer;
import io.auditgate.guardrail.ScreenedPrompt;
import io.auditgate.problem.Outcome;
import io.auditgate.problem.ProblemType;
import io.auditgate.quota.Allowance;
import io.auditgate.quota.Demand;
import io.auditgate.tenant.ModelPrice;
import java.util.Objects;
import java.util.Optional;

/**
 * How one request ended: the {@link Exchange} as it stood, the screened prompt and answer if it got that far, and
 * its status. The audit record, the request log line and the metrics are all made from this one value, so they
 * cannot disagree, and they can reach request text only through {@link ScreenedPrompt} and {@link ScreenedAnswer}
 * (metadata included), whose record views are fully masked.
 *
 * @param problem      present for every status but 200
 * @param latencyNanos from arrival to the end
 */
public record Ending(Exchange exchange, Optional<ScreenedPrompt> prompt, Optional<ScreenedAnswer> answer,
                     ModelCalls.Summary calls, Optional<ProblemType> problem, int status, long latencyNanos,
                     Optional<StreamFacts> stream) {

    public Ending(Exchange exchange, Optional<ScreenedPrompt> prompt, Optional<ScreenedAnswer> answer,
                  ModelCalls.Summary calls, Optional<ProblemType> problem, int status, long latencyNanos) {
        this(exchange, prompt, answer, calls, problem, status, latencyNanos, Optional.empty());
    }


    public Ending {
        Objects.requireNonNull(exchange, "exchange");
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(calls, "calls");
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(stream, "stream");
        if (answer.isPresent() && prompt.isEmpty()) {
            throw new IllegalArgumentException("an answer has its prompt");
        }
    }

    public static Ending answered(Exchange exchange, ScreenedPrompt prompt, ScreenedAnswer answer) {
        return new Ending(exchange, Optional.of(prompt), Optional.of(answer), exchange.calls().summary(),
                Optional.empty(), 200, exchange.elapsedNanos());
    }

    /** Refused or failed with {@code type}; {@code prompt} when it was screened (a blocked one included). */
    public static Ending refused(Exchange exchange, Optional<ScreenedPrompt> prompt, ProblemType type) {
        return new Ending(exchange, prompt, Optional.empty(), exchange.calls().summary(), Optional.of(type),
                type.status(), exchange.elapsedNanos());
    }

    /**
     * A streamed answer that ended, finished or not: what was sent ({@code sent}, screened), how the stream went, and
     * for one that did not finish the problem that ended it. The HTTP status is 200 either way: the stream had begun.
     */
    public static Ending streamed(Exchange exchange, ScreenedPrompt prompt, ScreenedAnswer sent, StreamFacts facts,
                                  Optional<ProblemType> problem) {
        return new Ending(exchange, Optional.of(prompt), Optional.of(sent), exchange.calls().summary(), problem, 200,
                exchange.elapsedNanos(), Optional.of(facts));
    }

    /** An answer whose record is made but that could not be delivered ({@code type}, e.g. the store failing). */
    public Ending undelivered(ProblemType type) {
        return new Ending(exchange, prompt, answer, calls, Optional.of(type), type.status(), latencyNanos, stream);
    }

    /** The same ending with its latency taken now: what the request log and metrics report, audit time included. */
    public Ending closed() {
        return new Ending(exchange, prompt, answer, calls, problem, status, exchange.elapsedNanos(), stream);
    }

    public String requestId() {
        return exchange.requestId();
    }

    public Outcome outcome() {
        if (stream.isPresent() && problem.isEmpty()) {
            return Outcome.OK;
        }
        return problem.map(ProblemType::outcome).orElse(status < 400 ? Outcome.OK : status < 500 ? Outcome.REJECTED : Outcome.ERROR);
    }

    /** The verdict of the guardrails: the answer's when there is one, else the (blocked or screened) prompt's. */
    public Optional<GuardrailStatus> guardrail() {
        return answer.map(ScreenedAnswer::status).or(() -> prompt.map(p -> p.report().status()));
    }

    public Optional<Completion.Usage> usage() {
        return answer.map(a -> a.completion().usage());
    }

    /** What the audit record cites of this request. */
    public Facts facts() {
        return Facts.of(exchange, calls, problem, latencyNanos / 1_000_000);
    }

    /**
     * What the request counts against its tenant's limits and budgets in the end (its settlement; the audit record
     * and the ledger both take it from here): the usage Bedrock reported; for a stream cut short before it reported
     * any, the input estimate and what was sent; nothing for a request that got no answer. Empty unless the ledger
     * admitted the request. Priced as the model that answered ({@link #answeringPrice}).
     */
    public Optional<Demand> charged() {
        return exchange.allowance().filter(Allowance::admitted).map(allowance -> {
            if (answer.isEmpty()) {
                return Demand.NONE;
            }
            var usage = answer.get().completion().usage();
            var price = answeringPrice(allowance);
            var cutShort = stream.isPresent() && !StreamFacts.FINISHED.equals(stream.get().ended());
            return cutShort && usage.inputTokens() + usage.outputTokens() == 0
                    ? allowance.chargeUnreported(answer.get().text(), price) : allowance.charge(usage, price);
        });
    }

    /**
     * The price of the model that answered, as the answer names it, if the policy's table has it; else the requested
     * model's, which the reservation used. Hook for fallback routing: once the ending names the answering model of a
     * fallback, this is where its price applies (a fallback's answer is settled at its own price).
     */
    private ModelPrice answeringPrice(Allowance allowance) {
        // TODO(h-routing): take the answering model from where routing records it; today the answer's model field
        var answering = answer.map(a -> a.completion().model());
        return answering.flatMap(model -> exchange.caller().map(c -> c.policy().models().get(model)))
                .orElse(allowance.price());
    }
}
