package io.auditgate.audit.store;

import io.auditgate.testing.S3MockProcess;

import static io.auditgate.audit.store.Fixtures.INSTANCE;
import static io.auditgate.audit.store.Fixtures.PREFIX;
import static io.auditgate.audit.store.Fixtures.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.auditgate.audit.chain.DigestChain;
import io.auditgate.audit.chain.DigestSigner;
import io.auditgate.audit.chain.RecordChain;
import io.auditgate.audit.chain.Segment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** S3AuditStore against S3Mock (one process for the class, one bucket per test): what every PutObject carries. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class S3AuditStoreTest {

    private S3MockProcess s3mock;
    private final S3Clients clients = new S3Clients();
    private S3Client s3;
    private int buckets;
    private String bucket;

    @BeforeAll
    void startS3Mock() throws Exception {
        System.setProperty("aws.disableEc2Metadata", "true");
        s3mock = S3MockProcess.start(Files.createTempDirectory("s3-audit-store"));
        s3 = clients.client(s3mock.endpoint);
    }

    @AfterAll
    void stopS3Mock() {
        if (s3 != null) {
            s3.close();
        }
        if (s3mock != null) {
            s3mock.close();
        }
    }

    @BeforeEach
    void newBucket() {
        bucket = "audit-" + ++buckets;
        s3.createBucket(b -> b.bucket(bucket).objectLockEnabledForBucket(true));
        clients.sent.clear();
    }

    private static Segment segment(int from, int to) {
        var chain = RecordChain.start(INSTANCE);
        return Segment.of(IntStream.rangeClosed(1, to).mapToObj(n -> chain.seal(record(n))).toList()
                .subList(from - 1, to));
    }

    @Test
    void aSegmentPutCarriesComplianceLockRetentionSha256ChecksumKmsAndMetadata() throws Exception {
        var options = new AuditOptions(INSTANCE, PREFIX, AuditOptions.LockMode.COMPLIANCE, Duration.ofDays(2555),
                S3MockProcess.KMS_KEY_ID);
        var store = new S3AuditStore(s3, bucket, options);
        var object = AuditObject.segment(segment(1, 10), PREFIX);
        var before = Instant.now();

        assertThat(store.put(object)).isEqualTo(AuditStore.Put.CREATED);

        var put = clients.puts().get(0);
        assertThat(put.header("x-amz-object-lock-mode")).isEqualTo("COMPLIANCE");
        assertThat(Instant.parse(put.header("x-amz-object-lock-retain-until-date")))
                .isAfter(before.plus(Duration.ofDays(2554)));
        assertThat(put.header("x-amz-checksum-sha256")).isEqualTo(
                Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(object.body())));
        assertThat(put.header("x-amz-server-side-encryption")).isEqualTo("aws:kms");
        assertThat(put.header("x-amz-server-side-encryption-aws-kms-key-id")).isEqualTo(S3MockProcess.KMS_KEY_ID);
        assertThat(put.header("If-None-Match")).isEqualTo("*");
        assertThat(put.header("Content-Type")).isEqualTo("application/x-ndjson");
        // over plain HTTP the SDK streams with SigV4 chunked signing and adds aws-chunked, which S3 strips
        assertThat(put.header("Content-Encoding")).contains("gzip");
        assertThat(put.header("x-amz-meta-record-count")).isEqualTo("10");
        assertThat(put.header("x-amz-meta-first-seq")).isEqualTo("1");
        assertThat(put.header("x-amz-meta-last-seq")).isEqualTo("10");
        assertThat(put.header("x-amz-meta-sha256")).isEqualTo(object.sha256());
        var head = s3.headObject(h -> h.bucket(bucket).key(object.key()));
        assertThat(head.metadata()).containsEntry("sha256", object.sha256()).containsEntry("record-count", "10");
        assertThat(head.contentEncoding()).isEqualTo("gzip");
        assertThat(head.contentType()).isEqualTo("application/x-ndjson");
    }

    @Test
    void aDigestPutInGovernanceModeIsJsonUnderLockWithoutKmsWhenNoneIsConfigured() throws Exception {
        var options = new AuditOptions(INSTANCE, PREFIX, AuditOptions.LockMode.GOVERNANCE, Duration.ofDays(30), null);
        var store = new S3AuditStore(s3, bucket, options);
        var digest = DigestChain.start(PREFIX, INSTANCE, DigestSigner.generate(), Instant.parse("2025-03-01T10:00:00Z"))
                .next(Instant.parse("2025-03-01T10:15:00Z"), List.of());

        store.put(AuditObject.digest(digest));

        var put = clients.puts().get(0);
        assertThat(put.header("x-amz-object-lock-mode")).isEqualTo("GOVERNANCE");
        assertThat(put.header("x-amz-object-lock-retain-until-date")).isNotNull();
        assertThat(put.header("x-amz-checksum-sha256")).isNotNull();
        assertThat(put.header("x-amz-server-side-encryption")).isNull();
        assertThat(put.header("Content-Type")).isEqualTo("application/json");
        assertThat(put.header("Content-Encoding")).doesNotContain("gzip");
        assertThat(store.read(digest.key())).hasValueSatisfying(b -> assertThat(b).isEqualTo(digest.bytes()));
    }

    @Test
    void puttingAnIdenticalObjectAgainCountsAsStoredWithoutASecondPutObject() throws Exception {
        var store = new S3AuditStore(s3, bucket, Fixtures.audit());
        var object = AuditObject.segment(segment(1, 5), PREFIX);

        assertThat(store.put(object)).isEqualTo(AuditStore.Put.CREATED);
        assertThat(store.put(object)).isEqualTo(AuditStore.Put.ALREADY_STORED);

        assertThat(clients.puts()).hasSize(1);
        assertThat(clients.sent).extracting(S3Clients.Sent::operation)
                .containsExactly("HeadObject", "PutObject", "HeadObject");
    }

    @Test
    void aConflictingObjectUnderTheKeyIsRefusedAndLeftAsItWas() throws Exception {
        var store = new S3AuditStore(s3, bucket, Fixtures.audit());
        var object = AuditObject.segment(segment(1, 5), PREFIX);
        s3.putObject(p -> p.bucket(bucket).key(object.key()).metadata(java.util.Map.of("sha256", "ab".repeat(32))),
                RequestBody.fromString("someone else's bytes"));
        clients.sent.clear();

        assertThatThrownBy(() -> store.put(object)).isInstanceOf(AuditConflictException.class)
                .hasMessageContaining(object.key());

        assertThat(clients.puts()).isEmpty();
        assertThat(s3.getObjectAsBytes(g -> g.bucket(bucket).key(object.key())).asString(StandardCharsets.UTF_8))
                .isEqualTo("someone else's bytes");
    }

    @Test
    void listingAndReadingSeeWhatWasPut() throws Exception {
        var store = new S3AuditStore(s3, bucket, Fixtures.audit());
        var object = AuditObject.segment(segment(1, 3), PREFIX);
        store.put(object);

        assertThat(store.list(PREFIX + "/records/")).containsExactly(object.key());
        assertThat(store.read(object.key())).hasValueSatisfying(b -> assertThat(b).isEqualTo(object.body()));
        assertThat(store.read(PREFIX + "/records/none.jsonl.gz")).isEmpty();
    }

}
