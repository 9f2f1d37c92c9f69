package io.auditgate.audit;

import io.auditgate.audit.chain.ChainLink;
import io.auditgate.auth.Caller;
import io.auditgate.guardrail.ScreenedPrompt;
import io.auditgate.problem.GatewayException;
import io.auditgate.problem.ProblemType;
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
     * Journals the redacted request before the model sees it; refuses when the journal cannot write, and in
     * direct mode also while the store is failing.
     */
    public void begin(Exchange exchange, ScreenedPrompt prompt) {
        if (!sink.isWritable()) {
            throw unavailable();
        }
        // refused at once (the cap was reached or the journal closed since the check): no model call without a begin
        if (sink.begin(exchange.requestId(), AuditRecords.requestPart(Facts.of(exchange), prompt)).isCompletedExceptionally()) {
            throw unavailable();
        }
    }

    /**
     * The answered request's complete record, durable (fsync, shared by group commit) when this returns; 503
     * {@code audit-unavailable} otherwise, and then no record was made (the caller records the refusal instead).
     */
    public Receipt complete(Ending ending) {
        var prompt = ending.prompt().orElseThrow();
        var answer = ending.answer().orElseThrow();
        var record = AuditRecords.answered(gateway(ending), ending.facts(), prompt, answer, Instant.now());
        return new Receipt(ChainLink.of(await(sink.append(record))).seq());
    }

    /**
     * Direct mode: returns once the store holds the receipt's record (and every record before it); 503
     * {@code audit-unavailable} otherwise, and the answer is withheld. A record journaled but not yet stored ships
     * later. Journal mode: returns at once.
     */
    public void awaitStored(Receipt receipt) {
        await(sink.stored(receipt.seq()));
    }

    /**
     * A refused or failed request's record, with what is safe to keep, before its response is written. A failure
     * here is logged, not thrown: the client's answer is the refusal either way.
     */
    public void refused(Ending ending) {
        try {
            record(ending);
        } catch (RuntimeException e) {
            LOG.severe(() -> "Audit record of refused request " + ending.requestId() + " could not be made ("
                    + e.getClass().getName() + ")");
        }
    }

    private void record(Ending ending) {
        JsonObject sealed;
        try {
            // the request's last record: if it was begun (its model may have been called) and the disk fails, the
            // journal holds it in memory and writes it once the disk works, rather than "interrupted" at next start
            sealed = await(sink.appendLast(AuditRecords.refused(gateway(ending), ending.facts(), ending.status(),
                    ending.prompt(), Instant.now())));
        } catch (GatewayException e) {
            if (sink.isWritable()) {
                LOG.severe(() -> "Audit record of refused request " + ending.requestId() + " could not be written");
            } else { // the journal logged its change of state once; a line per refused request would flood the log
                LOG.fine(() -> "Audit record of refused request " + ending.requestId() + " not written: journal refusing");
            }
            return;
        }
        try {
            awaitStored(new Receipt(ChainLink.of(sealed).seq()));
        } catch (GatewayException e) {
            LOG.warning(() -> "Audit record of refused request " + ending.requestId() + " is journaled, not yet stored");
        }
    }

    /** False while requests would be refused (see {@link AuditSink#isWritable()}). */
    boolean isWritable() {
        return sink.isWritable();
    }

    long backlogRecords() {
        return sink.backlogRecords();
    }

    private <T> T await(CompletableFuture<T> step) {
        try {
            return step.get(durableTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable();
        } catch (Exception e) {
            throw unavailable();
        }
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
