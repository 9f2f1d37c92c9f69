package io.auditgate.audit;

import io.auditgate.audit.chain.ChainLink;
import io.auditgate.audit.store.Journal;
import io.auditgate.audit.store.Shipper;
import io.auditgate.auth.Tenants;
import io.auditgate.guardrail.ScreenedAnswer;
import io.auditgate.guardrail.ScreenedPrompt;
import io.auditgate.problem.GatewayException;
import io.auditgate.problem.ProblemType;
import io.auditgate.request.Facts;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
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
    Facts.Source trace;

    @Inject
    AuditDraft draft;

    @Inject
    Tenants tenants;

    @Inject
    AuditLifecycle lifecycle;

    // taken once from the lifecycle: no proxy call per request
    private Journal journal;
    private Shipper shipper;
    private boolean direct;
    private AuditRecords.Gateway gateway;

    @PostConstruct
    void open() {
        journal = lifecycle.journal();
        shipper = lifecycle.shipper();
        direct = lifecycle.direct();
    }

    /**
     * Each request's {@link AuditDraft}; a producer, like {@code RequestTelemetry.trace()}, so no resource injection
     * runs per request.
     */
    @Produces
    @RequestScoped
    AuditDraft draft() {
        return new AuditDraft();
    }

    /**
     * Journals the redacted request before the model sees it; refuses when the journal cannot write, and in
     * direct mode also while the store is failing.
     */
    public void begin(ScreenedPrompt prompt) {
        draft.screened(prompt);
        if (!isWritable()) {
            throw unavailable();
        }
        // refused at once (the cap was reached or the journal closed since the check): no model call without a begin
        if (journal.begin(prompt.requestId(), AuditRecords.requestPart(trace.facts(), prompt)).isCompletedExceptionally()) {
            throw unavailable();
        }
    }

    /**
     * The guardrails refused the prompt: its record, made by {@link #recordIfRefused}, keeps the redacted text and
     * what blocked it.
     */
    public void blocked(ScreenedPrompt prompt) {
        draft.screened(prompt);
    }

    /**
     * Returns once the complete record is durable (in direct mode: also in the store); 503 {@code audit-unavailable}
     * otherwise, and the answer is withheld. A direct-mode record that is journaled but not yet stored ships later.
     */
    public void complete(ScreenedPrompt prompt, ScreenedAnswer answer) {
        var record = AuditRecords.answered(gateway(), trace.facts(), prompt, answer, Instant.now());
        var sealed = awaitDurable(record);
        draft.recorded();
        awaitStored(sealed);
    }

    /**
     * Refused and failed requests get records too: a request that {@link #complete} did not record (a 4xx or 5xx) is
     * recorded with what is safe to keep, before its response is written. A failure here is logged, not thrown.
     */
    public void recordIfRefused(int status) {
        if (draft.isRecorded()) {
            return;
        }
        try {
            refused(status);
        } catch (RuntimeException e) {
            LOG.severe(() -> "Audit record of refused request " + trace.requestId() + " could not be made ("
                    + e.getClass().getName() + ")");
        }
    }

    private void refused(int status) {
        JsonObject sealed;
        try {
            // the request's last record: if it was begun (its model may have been called) and the disk fails, the
            // journal holds it in memory and writes it once the disk works, rather than "interrupted" at next start
            sealed = await(journal.appendLast(AuditRecords.refused(gateway(), trace.facts(), status, draft.prompt(),
                    Instant.now())));
            draft.recorded();
        } catch (GatewayException e) {
            if (journal.isWritable()) {
                LOG.severe(() -> "Audit record of refused request " + trace.requestId() + " could not be written");
            } else { // the journal logged its change of state once; a line per refused request would flood the log
                LOG.fine(() -> "Audit record of refused request " + trace.requestId() + " not written: journal refusing");
            }
            return;
        }
        try {
            awaitStored(sealed);
        } catch (GatewayException e) {
            LOG.warning(() -> "Audit record of refused request " + trace.requestId() + " is journaled, not yet stored");
        }
    }

    /**
     * False while requests would be refused: the journal cannot write, or (direct mode) the store is failing. Then
     * the shipper is told to probe the store soon instead of at the end of its back-off, so that service resumes
     * within seconds of the store's return (asked by every refused request and readiness check).
     */
    boolean isWritable() {
        if (journal.isWritable() && !(direct && shipper.isFailing())) {
            return true;
        }
        shipper.expedite();
        return false;
    }

    long backlogRecords() {
        return shipper.backlogRecords();
    }

    private JsonObject awaitDurable(JsonObject record) {
        return await(journal.append(record));
    }

    /** Direct mode: waits until the store holds the sealed record (and every record before it). */
    private void awaitStored(JsonObject sealed) {
        if (direct) {
            await(shipper.shipThrough(ChainLink.of(sealed).seq()));
        }
    }

    private <T> T await(CompletableFuture<T> step) {
        try {
            return step.get(settings.durableTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable();
        } catch (Exception e) {
            throw unavailable();
        }
    }

    private AuditRecords.Gateway gateway() {
        var current = gateway;
        if (current == null || !current.policySha256().equals(tenants.fingerprint())) {
            current = new AuditRecords.Gateway(settings.instance(), settings.version(), tenants.fingerprint());
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
