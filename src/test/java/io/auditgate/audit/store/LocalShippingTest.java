package io.auditgate.audit.store;

import static io.auditgate.audit.store.Fixtures.PREFIX;
import static io.auditgate.audit.store.Fixtures.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.auditgate.audit.chain.CanonicalJson;
import io.auditgate.audit.chain.DigestSigner;
import io.auditgate.audit.chain.Segment;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Journal → shipper → local directory store → digests, checked by the verifier's {@code --dir} mode. */
class LocalShippingTest {

    @TempDir
    Path tmp;

    private final DigestSigner signer = DigestSigner.generate();

    private final class Gateway implements AutoCloseable {
        final Journal journal;
        final SwitchableStore store;
        final Digester digester;
        final Shipper shipper;

        Gateway(ShipperOptions options) throws Exception {
            this(options, JournalOptions.defaults());
        }

        Gateway(ShipperOptions options, JournalOptions journalOptions) throws Exception {
            journal = Fixtures.open(tmp.resolve("journal"), journalOptions);
            store = new SwitchableStore(new LocalAuditStore(tmp.resolve("store"), Fixtures.audit()));
            digester = new Digester(store, signer, Fixtures.audit(), tmp.resolve("journal/digester.json"),
                    Clock.systemUTC());
            shipper = new Shipper(journal, store, digester, Fixtures.audit(), options);
        }

        List<JsonObject> append(int from, int to) {
            var sealed = new ArrayList<JsonObject>();
            for (int n = from; n <= to; n++) {
                sealed.add(journal.append(record(n)).join());
            }
            return sealed;
        }

        @Override
        public void close() throws Exception {
            shipper.close();
            journal.close();
        }
    }

    @Test
    void drainingShipsGzipJsonLinesSegmentsWithSidecarsAndTheVerifierFindsNothing() throws Exception {
        List<JsonObject> sealed;
        try (var gateway = new Gateway(Fixtures.shipping(10))) {
            sealed = gateway.append(1, 25);
            gateway.shipper.drain();
            assertThat(gateway.shipper.backlogRecords()).isZero();
        }

        var root = tmp.resolve("store");
        var first = root.resolve("records/dt=2025-03-01/hr=09/i-0test01-000000000001-000000000010.jsonl.gz");
        assertThat(Files.readString(root.resolve(first + ".meta.json"))).isEqualTo(
                "{\"first-seq\":\"1\",\"last-seq\":\"10\",\"record-count\":\"10\",\"sha256\":\""
                        + Segment.of(sealed.subList(0, 10)).sha256() + "\"}");
        var lines = new String(Segment.gunzip(Files.readAllBytes(first)), StandardCharsets.UTF_8).split("\n");
        assertThat(lines).containsExactlyElementsOf(sealed.subList(0, 10).stream().map(CanonicalJson::text).toList());
        assertThat(keys(root, "records")).containsExactly(
                "records/dt=2025-03-01/hr=09/i-0test01-000000000001-000000000010.jsonl.gz",
                "records/dt=2025-03-01/hr=09/i-0test01-000000000011-000000000020.jsonl.gz",
                "records/dt=2025-03-01/hr=10/i-0test01-000000000021-000000000025.jsonl.gz");
        assertThat(keys(root, "digests")).singleElement().asString().matches("digests/dt=.*/i-0test01-.*-00000001\\.json");

        var run = verify(root);
        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("verified: 1 digests, 3 segments (0 unsigned), 25 records, 0 findings");
    }

    @Test
    void theSigningKeyIsPublishedOnceUnderItsFingerprintAndARestartFindsItStored() throws Exception {
        try (var gateway = new Gateway(Fixtures.shipping(10))) {
            gateway.append(1, 3);
            gateway.shipper.drain();
        }
        var published = tmp.resolve("store/keys/" + signer.publicKeySha256() + ".pem");
        assertThat(published).hasContent(signer.publicKeyPem());
        try (var restarted = new Gateway(Fixtures.shipping(10))) {
            int before = restarted.store.puts.get();

            restarted.digester.digest();

            assertThat(restarted.store.puts.get() - before).as("the key's put (found stored) and the digest's").isEqualTo(2);
        }
        assertThat(keys(tmp.resolve("store"), "keys")).containsExactly("keys/" + signer.publicKeySha256() + ".pem");
        var run = Fixtures.verify("--dir", tmp.resolve("store").toString(), "--public-key", published.toString(),
                "--key-fingerprint", signer.fingerprint(), "--allow-open-chains");
        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("key: " + signer.fingerprint());
    }

    @Test
    void theBackgroundShipperCutsASegmentOnceMaxRecordsAreWaiting() throws Exception {
        try (var gateway = new Gateway(Fixtures.shipping(5))) {
            gateway.shipper.start();
            gateway.append(1, 12);

            Fixtures.await("two segments shipped", () -> gateway.shipper.segmentsShipped() >= 2);

            assertThat(gateway.journal.shippedSeq()).isEqualTo(10);
            assertThat(gateway.shipper.backlogRecords()).as("2 records wait for the age trigger").isEqualTo(2);
        }
    }

    @Test
    void aRestartReshipsAnAlreadyStoredSegmentIdempotentlyAndContinuesTheDigestChain() throws Exception {
        try (var gateway = new Gateway(Fixtures.shipping(10))) {
            var sealed = gateway.append(1, 10);
            gateway.shipper.drain();
            gateway.append(11, 15);
            // a crash after the put but before the journal knew: the same segment is in the store already
            var segment = Segment.of(Fixtures.sealedSince(gateway.journal, 10, 10, 1 << 20));
            assertThat(gateway.store.put(AuditObject.segment(segment, PREFIX))).isEqualTo(AuditStore.Put.CREATED);
            assertThat(sealed).hasSize(10);
        }
        try (var restarted = new Gateway(Fixtures.shipping(10))) {
            restarted.digester.digest(); // idle digest: proves nothing else was shipped (the store has 11-15, unlisted)
            restarted.shipper.drain();

            assertThat(restarted.shipper.backlogRecords()).isZero();
            assertThat(restarted.digester.last().orElseThrow().digest().digestSeq()).isEqualTo(3);
            restarted.append(16, 17);
            restarted.shipper.drain();
        }
        var run = verify(tmp.resolve("store"));
        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("verified: 4 digests, 3 segments (0 unsigned), 17 records, 0 findings");
    }

    @Test
    void aCrashBetweenPutAndMarkReshipsExactlyThatSegmentThoughMoreRecordsBecameDurable() throws Exception {
        try (var gateway = new Gateway(Fixtures.shipping(10))) {
            gateway.append(1, 4);
            // what the shipper does, interrupted by a crash after the put and before markShipped
            var segment = Segment.of(Fixtures.sealedSince(gateway.journal, 0, 10, 1 << 20));
            gateway.journal.markShipping(segment.lastSeq());
            gateway.store.put(AuditObject.segment(segment, PREFIX));
            gateway.append(5, 8); // durable before the crash, not in the interrupted segment
        }
        try (var restarted = new Gateway(Fixtures.shipping(10))) {
            restarted.shipper.drain();
        }
        assertThat(keys(tmp.resolve("store"), "records")).containsExactly(
                "records/dt=2025-03-01/hr=09/i-0test01-000000000001-000000000004.jsonl.gz",
                "records/dt=2025-03-01/hr=09/i-0test01-000000000005-000000000008.jsonl.gz");
        var run = verify(tmp.resolve("store"));
        assertThat(run.exit()).as(run.out() + run.err()).isZero();
    }

    @Test
    void directModeShipThroughStoresEachRecordBeforeCompletingAndConcurrentCallersSharePuts() throws Exception {
        try (var gateway = new Gateway(Fixtures.shipping(1000))) {
            var stored = IntStream.rangeClosed(1, 40).parallel()
                    .mapToObj(n -> gateway.journal.append(record(n))
                            .thenCompose(sealed -> gateway.shipper.shipThrough(Fixtures.seq(sealed))
                                    .thenApply(done -> Fixtures.seq(sealed))))
                    .toList();
            CompletableFuture.allOf(stored.toArray(CompletableFuture[]::new)).join();

            assertThat(gateway.journal.shippedSeq()).isEqualTo(40);
            assertThat(gateway.store.puts.get()).as("segments for 40 records").isBetween(1, 40);
            gateway.shipper.drain();
        }
        var run = verify(tmp.resolve("store"));
        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("40 records, 0 findings");
    }

    @Test
    void directModeFailsAtOnceWhileTheStoreIsDownAndShipsTheJournaledRecordsWhenItReturns() throws Exception {
        var slowRetries = new ShipperOptions(1000, 8L << 20, Duration.ofHours(1), Duration.ofMillis(20),
                Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofHours(1));
        try (var gateway = new Gateway(slowRetries)) {
            gateway.store.down = true;
            var first = Fixtures.seq(gateway.journal.append(record(1)).join());
            assertThatThrownBy(() -> gateway.shipper.shipThrough(first).join()).hasRootCauseMessage("store down");
            assertThat(gateway.shipper.isFailing()).isTrue();
            var second = Fixtures.seq(gateway.journal.append(record(2)).join());
            assertThat(gateway.shipper.shipThrough(second)).as("within the backoff: no attempt").isCompletedExceptionally();

            gateway.store.down = false;
            Fixtures.await("the backoff to pass", () -> {
                gateway.shipper.shipThrough(second).exceptionally(e -> null).join();
                return gateway.journal.shippedSeq() == 2;
            });
            assertThat(gateway.shipper.isFailing()).isFalse();
            assertThat(gateway.store.puts).as("the segment the failed attempt cut (seq 1), then seq 2").hasValue(2);
        }
    }

    /** Segments of one record, polled often, and a back-off of an hour: only a probe can ship within a test. */
    private static final ShipperOptions HOUR_LONG_BACKOFF = new ShipperOptions(1, 8L << 20, Duration.ofHours(1),
            Duration.ofMillis(20), Duration.ofHours(1), Duration.ofHours(1), Duration.ofHours(1));

    @Test
    void aJournalRefusingAtItsCapHasTheStoreProbedSoThatServiceResumesSoonAfterItReturns() throws Exception {
        try (var gateway = new Gateway(HOUR_LONG_BACKOFF, JournalOptions.defaults().withMaxUnshippedBytes(4000))) {
            gateway.store.down = true;
            gateway.shipper.start();
            gateway.append(1, 1);
            Fixtures.await("shipping failing", gateway.shipper::isFailing);
            gateway.append(2, 3); // a record line is about 1.6 kB: the third reaches the cap
            assertThat(gateway.journal.isWritable()).isFalse();

            gateway.store.down = false;

            // the back-off says "next attempt in half an hour or more"; the probe at the cap does not wait for it
            Fixtures.await("the journal accepting requests again", gateway.journal::isWritable);
            Fixtures.await("shipping recovered", () -> !gateway.shipper.isFailing());
            assertThat(gateway.journal.shippedSeq()).isEqualTo(3);
        }
    }

    @Test
    void aRefusedRequestCutsTheShippersBackOffShort() throws Exception {
        try (var gateway = new Gateway(HOUR_LONG_BACKOFF)) {
            gateway.store.down = true;
            gateway.shipper.start();
            gateway.append(1, 1);
            Fixtures.await("shipping failing", gateway.shipper::isFailing);
            gateway.store.down = false;

            gateway.shipper.expedite(); // what the gateway does when it refuses a request (direct mode, cap)

            Fixtures.await("the record shipped", () -> gateway.journal.shippedSeq() == 1);
            Fixtures.await("shipping recovered", () -> !gateway.shipper.isFailing());
        }
    }

    @Test
    void aConflictingObjectUnderTheSegmentKeyIsNeverOverwrittenAndTheRecordsStayInTheJournal() throws Exception {
        try (var gateway = new Gateway(Fixtures.shipping(5))) {
            var sealed = gateway.append(1, 5);
            var key = Segment.of(sealed).key(PREFIX).key();
            var forged = new AuditObject(key, "forged".getBytes(StandardCharsets.UTF_8),
                    Map.of("sha256", "00".repeat(32)), AuditObject.SEGMENT_TYPE, "gzip");
            gateway.store.put(forged);

            assertThatThrownBy(gateway.shipper::drain).isInstanceOf(AuditConflictException.class)
                    .hasMessageContaining("ALARM").hasMessageContaining(key);
            assertThat(gateway.store.read(key)).hasValueSatisfying(
                    bytes -> assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("forged"));
            assertThat(gateway.shipper.backlogRecords()).isEqualTo(5);
            assertThat(gateway.journal.shippedSeq()).isZero();
        }
    }

    /** The verifier on the store; these runs stop without a clean end (GracefulStopTest has those). */
    private Fixtures.Run verify(Path root) throws Exception {
        var key = Files.writeString(tmp.resolve("digest-public.pem"), signer.publicKeyPem());
        return Fixtures.verify("--dir", root.toString(), "--public-key", key.toString(), "--allow-open-chains");
    }

    private static List<String> keys(Path root, String folder) throws Exception {
        try (var files = Files.walk(root.resolve(folder))) {
            return files.filter(Files::isRegularFile).map(p -> root.relativize(p).toString())
                    .filter(k -> !k.endsWith(".meta.json")).sorted().toList();
        }
    }
}
