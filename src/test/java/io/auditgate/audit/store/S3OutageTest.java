package io.auditgate.audit.store;

import io.auditgate.testing.S3MockProcess;

import static io.auditgate.audit.store.Fixtures.PREFIX;
import static io.auditgate.audit.store.Fixtures.record;
import static org.assertj.core.api.Assertions.assertThat;

import io.auditgate.audit.chain.DigestSigner;
import io.auditgate.audit.chain.SegmentKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.s3.S3Client;

/** An S3 outage end to end: S3Mock stopped and started again on the same port and store root. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class S3OutageTest {

    private static final String BUCKET = "audit-outage";

    private Path tmp;
    private Path s3root;
    private int port;
    private S3MockProcess s3mock;
    private S3Client s3;

    @BeforeAll
    void startS3Mock() throws Exception {
        tmp = Files.createTempDirectory("s3-outage");
        s3root = Files.createDirectories(tmp.resolve("s3mock"));
        port = S3MockProcess.freePort();
        System.setProperty("aws.disableEc2Metadata", "true");
        System.setProperty("aws.accessKeyId", "outage-test");
        System.setProperty("aws.secretAccessKey", "outage-test-secret");
        s3mock = S3MockProcess.start(s3root, port);
        s3 = new S3Clients().client(s3mock.endpoint);
        s3.createBucket(b -> b.bucket(BUCKET).objectLockEnabledForBucket(true));
    }

    @AfterAll
    void stopS3Mock() {
        if (s3 != null) {
            s3.close();
        }
        if (s3mock != null) {
            s3mock.close();
        }
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    @Test
    void duringAnOutageRecordsWaitInTheJournalAndAfterItEverythingShipsInOrderAndVerifies() throws Exception {
        var signer = DigestSigner.generate();
        var audit = Fixtures.audit();
        var store = new S3AuditStore(s3, BUCKET, audit);
        try (var journal = Fixtures.open(tmp.resolve("journal"), JournalOptions.defaults());
                var shipper = new Shipper(journal, store,
                        new Digester(store, signer, audit, tmp.resolve("journal/digester.json"), Clock.systemUTC()),
                        audit, Fixtures.shipping(5))) {
            shipper.start();
            append(journal, 1, 5);
            Fixtures.await("first segment shipped", () -> shipper.backlogRecords() == 0);

            s3mock.close();
            append(journal, 6, 11);
            Fixtures.await("shipping failing", shipper::isFailing);
            long backlogEarly = shipper.backlogRecords();
            append(journal, 12, 17);
            long backlogLate = shipper.backlogRecords();
            System.out.printf("outage: backlog %d then %d records (%d bytes), journal writable=%s%n", backlogEarly,
                    backlogLate, shipper.backlogBytes(), journal.isWritable());

            assertThat(backlogEarly).isEqualTo(6);
            assertThat(backlogLate).isEqualTo(12);
            assertThat(journal.shippedSeq()).isEqualTo(5);
            Fixtures.assertChained(Fixtures.sealedSince(journal, 5, 100, 1 << 20), 6);

            s3mock = S3MockProcess.start(s3root, port);
            Fixtures.await("full segments shipped after the outage",
                    () -> journal.shippedSeq() == 15 && !shipper.isFailing());
            shipper.drain();
            assertThat(shipper.backlogRecords()).isZero();
        }

        var ranges = s3.listObjectsV2Paginator(l -> l.bucket(BUCKET).prefix(PREFIX + "/records/")).contents().stream()
                .map(o -> SegmentKey.parse(o.key()).orElseThrow()).map(k -> k.firstSeq() + "-" + k.lastSeq())
                .toList();
        assertThat(ranges).containsExactly("1-5", "6-10", "11-15", "16-17");
        var key = Files.writeString(tmp.resolve("digest-public.pem"), signer.publicKeyPem());
        var run = Fixtures.verify("--bucket", BUCKET, "--prefix", PREFIX, "--endpoint", s3mock.endpoint.toString(),
                "--region", "us-east-1", "--path-style", "--public-key", key.toString(), "--allow-open-chains");
        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("verified: 1 digests, 4 segments (0 unsigned), 17 records, 0 findings");
    }

    private static void append(Journal journal, int from, int to) {
        for (int n = from; n <= to; n++) {
            journal.append(record(n)).join();
        }
    }
}
