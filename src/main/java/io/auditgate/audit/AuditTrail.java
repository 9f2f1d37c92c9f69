package io.auditgate.audit;

import io.auditgate.audit.chain.ChainLink;
import io.auditgate.auth.Caller;
import io.auditgate.guardrail.ScreenedPrompt;
import io.auditgate.problem.GatewayException;
import io.auditgate.problem.ProblemType;
import io.auditgate.problem.Problems;
import io.auditgate.request.Ending;
import io.auditgate.request.Exchange;
import io.auditgate.request.Facts;
import io.auditgate.tenant.Tenants;
import io.auditgate.tenant.TenantsPolicy;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * The request path's view of the audit trail. {@link #begin} journals the redacted request before the model is
 * called and refuses (503 {@code audit-unavailable}) when the journal cannot write; {@link #complete} returns only
 * once the complete record is durable (fsync, shared by group commit). Behind it the shipper turns the journal
 * into S3 objects under Object Lock and the digester signs digests (see {@code store}); {@link AuditLifecycle}
 * opens, wires and closes those parts, so this class holds only what a request calls.
 */
@ApplicationScoped
public class AuditTrail {

    private static final Logger LOG = Logger.getLogger(AuditTrail.class.getName());

    @Inject
    AuditSettings settings;

    @Inject
    Tenants tenants;

    @Inject
    AuditLifecycle lifecycle;

    // taken once: no proxy call per request
    private AuditSink sink;
    private Duration durableTimeout;
    private String instance;
    private String version;
    private Supplier<TenantsPolicy> policyInForce;
    private AuditRecords.Gateway gateway;

    /** For CDI; {@link #open()} wires it from the lifecycle. */
    public AuditTrail() {
    }

    /** Wired by hand (flow tests): {@code sink} is the I/O edge, everything else is the real trail. */
    public AuditTrail(AuditSink sink, Duration durableTimeout, String instance, String version,
                      Supplier<TenantsPolicy> policyInForce) {
        this.sink = sink;
        this.durableTimeout = durableTimeout;
        this.instance = instance;
        this.version = version;
        this.policyInForce = policyInForce;
    }

    @PostConstruct
    void open() {
        sink = lifecycle.sink();
        durableTimeout = settings.durableTimeout;
        instance = settings.instance();
        version = settings.version();
        policyInForce = tenants::current;
    }

    /** A complete record made durable: what {@link #awaitStored} waits for in direct mode. */
    public record Receipt(long seq) {
    }

    /**
     * Journals the redacted request before the model sees it; refused (503 {@code audit-unavailable}) when the
     * journal cannot write, and in direct mode also while the store is failing. Does not wait for the begin entry's
     * fsync: the complete record's, which comes after it in the same file, covers it.
     */
    public CompletableFuture<Void> begin(Exchange exchange, ScreenedPrompt prompt) {
        var begun = journal(exchange, prompt);
        return begun.isCompletedExceptionally() ? begun : CompletableFuture.completedFuture(null);
    }

    /**
     * Like {@link #begin}, for a stream: completes once the begin entry is durable (fsync), or fails with 503
     * {@code audit-unavailable}. A stream's first bytes reach the client before its complete record exists, so a
     * crash after them must find the begin entry and record the request as interrupted; the wait is a group commit
     * (at most {@code JournalWriter.BEGIN_FORCE_DELAY_MILLIS} plus an fsync, less under load).
     */
    public CompletableFuture<Void> beginDurable(Exchange exchange, ScreenedPrompt prompt) {
        var begun = journal(exchange, prompt);
        return begun.isCompletedExceptionally() ? begun : within(begun);
    }

    private CompletableFuture<Void> journal(Exchange exchange, ScreenedPrompt prompt) {
        if (!sink.isWritable()) {
            return CompletableFuture.failedFuture(unavailable());
        }
        var begun = sink.begin(exchange.requestId(), AuditRecords.requestPart(Facts.of(exchange), prompt));
        // refused at once (the cap was reached or the journal closed since the check): no model call without a begin
        return begun.isCompletedExceptionally() ? CompletableFuture.failedFuture(unavailable()) : begun;
    }

    /**
     * The answered request's complete record: completes once it is durable (fsync, shared by group commit), on the
     * journal's thread (callers move on with an executor of their own); fails with 503 {@code audit-unavailable}
     * otherwise, and then no record was made (the caller records the refusal instead). Nothing waits meanwhile.
     */
    public CompletableFuture<Receipt> complete(Ending ending) {
        var prompt = ending.prompt().orElseThrow();
        var answer = ending.answer().orElseThrow();
        var record = streamed(AuditRecords.answered(gateway(ending), ending.facts(), prompt, answer, Instant.now()), ending);
        return within(sink.append(record)).thenApply(sealed -> new Receipt(ChainLink.of(sealed).seq()));
    }

    /**
     * Direct mode: completes once the store holds the receipt's record (and every record before it); fails with 503
     * {@code audit-unavailable} otherwise, and the answer is withheld. A record journaled but not yet stored ships
     * later. Journal mode: complete at once.
     */
    public CompletableFuture<Void> awaitStored(Receipt receipt) {
        return within(sink.stored(receipt.seq()));
    }

    /**
     * A refused or failed request's record, with what is safe to keep, before its response is written. Never fails:
     * a record that cannot be made is logged, and the client's answer is the refusal either way.
     */
    public CompletableFuture<Void> refused(Ending ending) {
        CompletableFuture<JsonObject> appended;
        try {
            // the request's last record: if it was begun (its model may have been called) and the disk fails, the
            // journal holds it in memory and writes it once the disk works, rather than "interrupted" at next start
            appended = within(sink.appendLast(streamed(AuditRecords.refused(gateway(ending), ending.facts(),
                    ending.status(), ending.prompt(), Instant.now()), ending)));
        } catch (RuntimeException e) {
            appended = CompletableFuture.failedFuture(e);
        }
        return appended
                .thenCompose(sealed -> awaitStored(new Receipt(ChainLink.of(sealed).seq())).handle((stored, notStored) -> {
                    if (notStored != null) {
                        LOG.warning(() -> "Audit record of refused request " + ending.requestId()
                                + " is journaled, not yet stored");
                    }
                    return (Void) null;
                }))
                .exceptionally(failure -> {
                    var cause = Problems.cause(failure);
                    if (!(cause instanceof GatewayException)) {
                        LOG.severe(() -> "Audit record of refused request " + ending.requestId() + " could not be made ("
                                + cause.getClass().getName() + ")");
                    } else if (sink.isWritable()) {
                        LOG.severe(() -> "Audit record of refused request " + ending.requestId() + " could not be written");
                    } else { // the journal logged its change of state once; a line per refused request would flood the log
                        LOG.fine(() -> "Audit record of refused request " + ending.requestId() + " not written: journal refusing");
                    }
                    return null;
                });
    }

    /** The record completed with what only some requests have: stream facts, the quota's reservation and settlement. */
    private static JsonObject streamed(JsonObject record, Ending ending) {
        var metered = AuditRecords.metered(record, ending);
        return ending.stream().isPresent() ? AuditRecords.streamed(metered, ending) : metered;
    }

    /** False while requests would be refused (see {@link AuditSink#isWritable()}). */
    boolean isWritable() {
        return sink.isWritable();
    }

    long backlogRecords() {
        return sink.backlogRecords();
    }

    /**
     * {@code step} within {@code audit.durable-timeout}; any failure becomes 503 {@code audit-unavailable}. A copy is
     * timed out, never the journal's own future, which a whole group commit may share.
     */
    private <T> CompletableFuture<T> within(CompletableFuture<T> step) {
        return step.copy().orTimeout(durableTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .exceptionallyCompose(failure -> CompletableFuture.failedFuture(unavailable()));
    }

    /**
     * The gateway's facts for a record, citing the policy version that governed the request: the caller's snapshot,
     * or for a request refused before authentication the version in force.
     */
    private AuditRecords.Gateway gateway(Ending ending) {
        var policy = ending.exchange().caller().map(Caller::policy).orElseGet(policyInForce);
        var current = gateway;
        if (current == null || !current.policySha256().equals(policy.fingerprint())) {
            current = AuditRecords.Gateway.of(instance, version, policy);
            gateway = current;
        }
        return current;
    }

    private static GatewayException unavailable() {
        return new GatewayException(ProblemType.AUDIT_UNAVAILABLE,
                "The audit trail cannot record requests right now, so none are served; retry shortly.", List.of(),
                Duration.ofSeconds(5));
    }
}
