package io.auditgate.audit;

import io.auditgate.process.Exit;
import io.auditgate.process.Worker;
import io.auditgate.audit.store.AuditOptions;
import io.auditgate.audit.store.AuditStore;
import io.auditgate.audit.store.Digester;
import io.auditgate.audit.store.Journal;
import io.auditgate.audit.store.JournalOptions;
import io.auditgate.audit.store.Shipper;
import io.auditgate.audit.store.ShipperOptions;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Wires the audit trail's parts and runs their lifecycle; {@link AuditTrail} is the request path's API over them.
 * At application start it opens the {@link Journal} (recovering interrupted requests), the store, the digest signer,
 * the {@link Digester} and the {@link Shipper}, starts the background threads ({@code audit-journal-<instance>},
 * the shipper's, {@code audit-startup-drain}), registers the {@code audit-drain} shutdown hook and the audit gauges.
 * If any part cannot open, the process exits with status 4: no answer may leave without a record. At shutdown it
 * stops taking requests, lets those in flight record (up to {@link #FINISH_GRACE}), ships the
 * journal and signs the chain's clean end ({@link Shipper#end}), then closes the shipper and the journal.
 */
@ApplicationScoped
public class AuditLifecycle {

    private static final Logger LOG = Logger.getLogger(AuditLifecycle.class.getName());

    /** How long a graceful stop waits for requests already at the model to write their record. */
    static final Duration FINISH_GRACE = Duration.ofSeconds(10);

    @Inject
    AuditSettings settings;

    @Inject
    MetricRegistry metrics;

    private Journal journal;
    private AuditOptions options;
    private AuditStore store;
    private Shipper shipper;
    private Digester digester;
    private boolean direct;
    private final AtomicBoolean closed = new AtomicBoolean();

    @PostConstruct
    void open() {
        try {
            direct = settings.direct();
            options = new AuditOptions(settings.instance(), settings.prefix, settings.lockMode, settings.retention,
                    settings.kmsKeyId.orElse(null));
            journal = Journal.open(settings.journalDir(), settings.instance(),
                    JournalOptions.defaults().withMaxUnshippedBytes(settings.maxUnshippedBytes), this::interrupted);
            store = AuditStores.create(settings.store, settings.bucket, settings.region, settings.endpoint,
                    settings.localDir(), options);
            var signer = DigestSigners.of(settings);
            digester = new Digester(store, signer, options, settings.journalDir().resolve("digest-state.json"), Clock.systemUTC());
            // polled five times a second, so that a segment due by its size is cut while the journal still holds its
            // records in memory (RecentWindow.MAX_BYTES): a poll is three look-ups
            var shipping = new ShipperOptions(settings.segmentMaxRecords, 8L << 20, settings.segmentMaxAge,
                    Duration.ofMillis(200), Duration.ofSeconds(1), Duration.ofSeconds(60), settings.digestInterval);
            shipper = new Shipper(journal, store, digester, options, shipping);
            shipper.start();
            // load every audit class, because Payara Micro exits on SIGTERM without destroying beans and closes the
            // application's class loader while JVM shutdown hooks (ours drains) still run; then ship what a previous
            // run left in the journal and sign a digest now (which also loads the SDK's classes for puts and lists)
            Worker.STARTUP_DRAIN.start(() -> {
                AuditClasses.preload(); // first: a SIGTERM during the drain must still find every audit class
                if (drainQuietly()) {
                    LOG.info(() -> "Audit start-up drain done: shipped through seq " + journal.shippedSeq()
                            + ", digest signed");
                }
            });
            Runtime.getRuntime().addShutdownHook(Worker.SHUTDOWN_DRAIN.thread("", this::close));
            registerGauges();
            LOG.info(() -> "Audit trail (" + (direct ? "direct" : "journal") + " mode): instance " + settings.instance()
                    + ", journal " + settings.journalDir()
                    + ", store " + store.describe() + ", chain at seq " + journal.lastSeq());
            // what an auditor compares with --key-fingerprint: a substituted verification key shows at once
            LOG.info(() -> "Audit digest signing key " + signer.fingerprint() + " (public key published once as keys/"
                    + signer.publicKeySha256() + ".pem under the store's prefix)");
        } catch (IOException | RuntimeException e) {
            // no answer may leave without a record: a gateway whose trail cannot start must not run at all
            Exit.AUDIT_UNUSABLE.refuseToStart(e.getClass().getSimpleName() + ": " + e.getMessage());
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    /** Opens the trail when the application starts, not at the first request. */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        journal.isWritable();
    }

    /** The request path's edge of the trail: the journal, and in direct mode the store. */
    AuditSink sink() {
        return new JournalSink(journal, shipper, direct);
    }

    /**
     * The trail as the store holds it, for a reader that needs all of it: ships every record durable in the journal
     * now, then completes with the store and its key prefix. Fails when the store cannot be reached.
     */
    public CompletableFuture<StoredTrail> shipped() {
        return shipper.shipThrough(journal.lastSeq()).thenApply(done -> new StoredTrail(store, options.prefix()));
    }

    /** The audit store and the key prefix this instance's segments are below (no trailing slash; may be empty). */
    public record StoredTrail(AuditStore store, String prefix) {
    }

    private void registerGauges() {
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
        metrics.gauge(Metadata.builder().withName("auditgate.audit.digest.age.seconds").withDescription(
                "Seconds since this instance last stored a signed digest (since start before the first)").build(),
                digester, Digester::secondsSinceLastDigest);
    }

    /** A request journaled before a crash and never completed: recorded as interrupted, its text already redacted. */
    private JsonObject interrupted(JsonObject begin) {
        return AuditRecords.interrupted(settings.instance(), settings.version(), begin, Instant.now());
    }

    /** Ends the chain cleanly and stops the shipper and the journal; once, from the hook or the container. */
    @PreDestroy
    void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        int unfinished = journal.finish(FINISH_GRACE);
        if (unfinished > 0) {
            System.err.println("AuditGate: " + unfinished + " requests in flight got no record within " + FINISH_GRACE
                    + "; the next start records them as interrupted");
        }
        endQuietly();
        shipper.close();
        try {
            journal.close();
        } catch (IOException e) {
            LOG.warning(() -> "Audit journal close failed: " + e.getClass().getSimpleName());
        }
    }

    /**
     * Ships the rest and signs the chain's clean end. Messages go to standard error: the application's log handlers
     * may be gone this late in a Payara Micro shutdown.
     */
    private void endQuietly() {
        try {
            long last = shipper.end();
            System.err.println("AuditGate: audit trail drained; chain of instance " + settings.instance()
                    + " ended cleanly at seq " + last);
        } catch (IOException | RuntimeException | LinkageError e) {
            System.err.println("AuditGate: audit drain incomplete (" + e.getClass().getSimpleName() + "); no clean end,"
                    + " the chain stays open until the next start ships the journal (" + shipper.backlogRecords()
                    + " records left)");
        }
    }

    private boolean drainQuietly() {
        try {
            shipper.drain();
            return true;
        } catch (IOException | RuntimeException | LinkageError e) {
            System.err.println("AuditGate: audit drain incomplete (" + e.getClass().getSimpleName()
                    + "); the journal keeps the records for the next start");
            return false;
        }
    }
}
