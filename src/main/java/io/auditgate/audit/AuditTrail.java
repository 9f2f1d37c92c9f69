package io.auditgate.audit;

import io.auditgate.audit.chain.ChainLink;
import io.auditgate.audit.chain.DigestSigner;
import io.auditgate.audit.store.AuditOptions;
import io.auditgate.audit.store.AuditStore;
import io.auditgate.audit.store.Digester;
import io.auditgate.audit.store.Journal;
import io.auditgate.audit.store.JournalOptions;
import io.auditgate.audit.store.Shipper;
import io.auditgate.audit.store.ShipperOptions;
import io.auditgate.auth.Tenants;
import io.auditgate.guardrail.ScreenedAnswer;
import io.auditgate.guardrail.ScreenedPrompt;
import io.auditgate.problem.GatewayException;
import io.auditgate.problem.ProblemType;
import io.auditgate.request.Facts;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * The request path's view of the audit trail. {@link #begin} journals the redacted request before the model is
 * called and refuses (503 {@code audit-unavailable}) when the journal cannot write; {@link #complete} returns only
 * once the complete record is durable (fsync, shared by group commit). Behind it the shipper turns the journal
 * into S3 objects under Object Lock and the digester signs digests (see {@code store}).
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
    MetricRegistry metrics;

    private Journal journal;
    private AuditStore store;
    private Shipper shipper;
    private AuditRecords.Gateway gateway;
    private boolean direct;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    @PostConstruct
    void open() {
        try {
            direct = settings.direct();
            var options = new AuditOptions(settings.instance(), settings.prefix, settings.lockMode, settings.retention,
                    settings.kmsKeyId.orElse(null));
            journal = Journal.open(settings.journalDir(), settings.instance(),
                    JournalOptions.defaults().withMaxUnshippedBytes(settings.maxUnshippedBytes), this::interrupted);
            store = AuditStores.create(settings.store, settings.bucket, settings.region, settings.endpoint,
                    settings.localDir(), options);
            var signer = signer();
            var digester = new Digester(store, signer, options, settings.journalDir().resolve("digest-state.json"), Clock.systemUTC());
            // polled five times a second, so that a segment due by its size is cut while the journal still holds its
            // records in memory (JournalState.RECENT_MAX_BYTES): a poll is three look-ups
            var shipping = new ShipperOptions(settings.segmentMaxRecords, 8L << 20, settings.segmentMaxAge,
                    Duration.ofMillis(200), Duration.ofSeconds(1), Duration.ofSeconds(60), settings.digestInterval);
            shipper = new Shipper(journal, store, digester, options, shipping);
            shipper.start();
            // ship what a previous run left in the journal and sign a digest now; then load every audit class,
            // because Payara Micro exits on SIGTERM without destroying beans and closes the application's class
            // loader while JVM shutdown hooks (ours drains) still run
            var startupDrain = new Thread(() -> {
                drainQuietly();
                AuditClasses.preload();
            }, "audit-startup-drain");
            startupDrain.setDaemon(true);
            startupDrain.start();
            Runtime.getRuntime().addShutdownHook(new Thread(this::close, "audit-drain"));
            metrics.gauge(Metadata.builder().withName("auditgate.audit.backlog.records").withDescription(
                    "Audit records in the journal not yet shipped to the store").build(), shipper, Shipper::backlogRecords);
            metrics.gauge(Metadata.builder().withName("auditgate.audit.journal.records").withDescription(
                    "Audit records appended to the journal: this instance's last chain sequence number").build(),
                    journal, Journal::lastSeq);
            metrics.gauge(Metadata.builder().withName("auditgate.audit.journal.fsyncs").withDescription(
                    "Journal fsyncs since start; journal records divided by fsyncs is records per group commit").build(),
                    journal, Journal::fsyncCount);
            metrics.gauge(Metadata.builder().withName("auditgate.audit.segments.shipped").withDescription(
                    "Journal segments shipped to the audit store since start").build(), shipper, Shipper::segmentsShipped);
            LOG.info(() -> "Audit trail (" + (direct ? "direct" : "journal") + " mode): instance " + settings.instance()
                    + ", journal " + settings.journalDir()
                    + ", store " + store.describe() + ", chain at seq " + journal.lastSeq());
            // what an auditor compares with --key-fingerprint: a substituted verification key shows at once
            LOG.info(() -> "Audit digest signing key " + signer.fingerprint() + " (public key published once as keys/"
                    + signer.publicKeySha256() + ".pem under the store's prefix)");
        } catch (IOException | RuntimeException e) {
            // no answer may leave without a record: a gateway whose trail cannot start must not run at all
            LOG.severe(() -> "AuditGate refuses to start: the audit trail cannot open (" + e.getClass().getSimpleName()
                    + ": " + e.getMessage() + ")");
            new Thread(() -> System.exit(4), "auditgate-refuse-start").start();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
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

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        journal.isWritable();
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

    /** A request journaled before a crash and never completed: recorded as interrupted, its text already redacted. */
    private JsonObject interrupted(JsonObject begin) {
        return AuditRecords.interrupted(settings.instance(), settings.version(), begin, Instant.now());
    }

    /**
     * The digest signing key: an asymmetric KMS key ({@code audit.signing-kms-key-id}), or {@code audit.signing-key-file}
     * (PKCS#8 PEM); with the local store only, a key made
     * once and kept in the journal directory, its public key beside it for the verifier. An S3 trail without a
     * configured key refuses to start: digests signed by a throw-away key prove nothing.
     */
    private DigestSigner signer() throws IOException {
        if (settings.signingKmsKeyId.isPresent()) {
            return new KmsDigestSigner(AuditStores.kms(settings.region, settings.kmsEndpoint), settings.signingKmsKeyId.get());
        }
        if (settings.signingKeyFile.isPresent()) {
            return DigestSigner.fromPkcs8Pem(Path.of(settings.signingKeyFile.get()));
        }
        if (!"local".equals(settings.store)) {
            throw new IllegalStateException("audit.signing-kms-key-id or audit.signing-key-file is required with audit.store="
                    + settings.store);
        }
        var keyFile = settings.journalDir().resolve("digest-signing-key.pem");
        if (!Files.exists(keyFile)) {
            Files.writeString(keyFile, LocalSigningKeys.newPkcs8Pem());
        }
        var signer = DigestSigner.fromPkcs8Pem(keyFile);
        Files.writeString(settings.journalDir().resolve("digest-public-key.pem"), signer.publicKeyPem());
        return signer;
    }

    @PreDestroy
    void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        drainQuietly();
        LOG.info(() -> "Audit trail drained: journal at seq " + journal.lastSeq() + ", backlog " + shipper.backlogRecords());
        shipper.close();
        try {
            journal.close();
        } catch (IOException e) {
            LOG.warning(() -> "Audit journal close failed: " + e.getClass().getSimpleName());
        }
    }

    private void drainQuietly() {
        try {
            shipper.drain();
        } catch (IOException | RuntimeException | LinkageError e) {
            System.err.println("AuditGate: audit drain incomplete (" + e.getClass().getSimpleName()
                    + "); the journal keeps the records for the next start");
        }
    }

    private static GatewayException unavailable() {
        return new GatewayException(ProblemType.AUDIT_UNAVAILABLE,
                "The audit trail cannot record requests right now, so none are served; retry shortly.", List.of(),
                Duration.ofSeconds(5));
    }
}
