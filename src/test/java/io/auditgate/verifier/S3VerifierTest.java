package io.auditgate.verifier;

import io.auditgate.testing.S3MockProcess;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;

/** The verifier against S3 as served by S3Mock: one S3Mock process for the class, one bucket per test. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class S3VerifierTest {

    private Path dir;
    private S3MockProcess s3mock;
    private S3Client s3;

    @BeforeAll
    void startS3Mock() throws Exception {
        dir = Files.createTempDirectory("s3-verifier");
        System.setProperty("aws.disableEc2Metadata", "true");
        System.setProperty("aws.accessKeyId", "verifier-test");
        System.setProperty("aws.secretAccessKey", "verifier-test-secret");
        s3mock = S3MockProcess.start(Files.createDirectories(dir.resolve("s3mock")));
        s3 = s3mock.client();
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

    private void upload(String bucket, Trail trail) {
        s3.createBucket(b -> b.bucket(bucket));
        putAll(bucket, trail);
    }

    /** A bucket with versioning on, as an Object Lock bucket always has it. */
    private void uploadVersioned(String bucket, Trail trail) {
        s3.createBucket(b -> b.bucket(bucket));
        s3.putBucketVersioning(v -> v.bucket(bucket).versioningConfiguration(c -> c.status(BucketVersioningStatus.ENABLED)));
        putAll(bucket, trail);
    }

    private void putAll(String bucket, Trail trail) {
        trail.objects.forEach((key, object) -> s3.putObject(p -> p.bucket(bucket).key(Trail.PREFIX + "/" + key)
                .metadata(object.metadata()), RequestBody.fromBytes(object.bytes())));
    }

    private Trail.Run verify(String bucket, Trail trail) throws Exception {
        return Trail.verify("--bucket", bucket, "--prefix", Trail.PREFIX, "--endpoint", s3mock.endpoint.toString(),
                "--region", "us-east-1", "--path-style", "--public-key", trail.publicKey(Files.createTempDirectory(dir, "k")).toString());
    }

    @Test
    void cleanTrailInS3VerifiesAndATamperedObjectIsFound() throws Exception {
        var trail = new Trail();
        upload("clean-then-tampered", trail);

        var clean = verify("clean-then-tampered", trail);

        assertThat(clean.exit()).as(clean.err()).isEqualTo(Verifier.CLEAN);
        assertThat(clean.lines()).containsExactly("key: " + trail.signer.fingerprint(),
                "verified: 3 digests, 3 segments (0 unsigned), 30 records, 0 findings");

        var lines = trail.lines(1);
        lines.set(2, lines.get(2).replace("Answer 13", "Answer 31"));
        var metadata = trail.objects.get(trail.segmentKey(1)).metadata();
        s3.putObject(p -> p.bucket("clean-then-tampered").key(Trail.PREFIX + "/" + trail.segmentKey(1)).metadata(metadata),
                RequestBody.fromBytes(Trail.gzip(String.join("\n", lines) + "\n")));

        var tampered = verify("clean-then-tampered", trail);

        assertThat(tampered.exit()).isEqualTo(Verifier.FINDINGS);
        assertThat(tampered.findings())
                .contains("RECORD_HASH_MISMATCH key=" + trail.segmentKey(1) + " line=3 seq=13")
                .anyMatch(l -> l.startsWith("SEGMENT_HASH_MISMATCH key=" + trail.segmentKey(1)));
    }

    @Test
    void aDeletedObjectInS3IsASegmentMissing() throws Exception {
        var trail = new Trail();
        upload("deleted-segment", trail);
        s3.deleteObject(d -> d.bucket("deleted-segment").key(Trail.PREFIX + "/" + trail.segmentKey(0)));

        var run = verify("deleted-segment", trail);

        assertThat(run.exit()).isEqualTo(Verifier.FINDINGS);
        assertThat(run.findings()).contains("SEGMENT_MISSING key=" + trail.segmentKey(0) + " digest=" + trail.digestKey(0));
    }

    @Test
    void aSecondVersionOfASegmentOrDigestInAVersionedBucketIsAnOverwrittenObject() throws Exception {
        var trail = new Trail();
        uploadVersioned("versioned", trail);

        var clean = verify("versioned", trail);
        assertThat(clean.exit()).as(clean.lines() + clean.err()).isEqualTo(Verifier.CLEAN);

        for (var key : List.of(trail.segmentKey(1), trail.digestKey(0))) { // put again, byte for byte
            var object = trail.objects.get(key);
            s3.putObject(p -> p.bucket("versioned").key(Trail.PREFIX + "/" + key).metadata(object.metadata()),
                    RequestBody.fromBytes(object.bytes()));
        }
        var run = verify("versioned", trail);

        assertThat(run.exit()).isEqualTo(Verifier.FINDINGS);
        assertThat(run.findings()).containsExactlyInAnyOrder(
                "OVERWRITTEN_OBJECT key=" + trail.segmentKey(1) + " versions=2",
                "OVERWRITTEN_OBJECT key=" + trail.digestKey(0) + " versions=2");
    }

    @Test
    void aDeletedSegmentInAVersionedBucketIsMissingAndItsDeleteMarkerShows() throws Exception {
        var trail = new Trail();
        uploadVersioned("versioned-delete", trail);
        s3.deleteObject(d -> d.bucket("versioned-delete").key(Trail.PREFIX + "/" + trail.segmentKey(0)));

        var run = verify("versioned-delete", trail);

        // S3Mock still lists the key whose current version is a delete marker (S3 does not), so the segment is read
        // and found missing then, a line without digest=
        assertThat(run.findings()).contains("OVERWRITTEN_OBJECT key=" + trail.segmentKey(0) + " versions=2")
                .anyMatch(l -> l.startsWith("SEGMENT_MISSING key=" + trail.segmentKey(0)));
    }

    @Test
    void aBucketThatDoesNotExistIsAnIoError() throws Exception {
        var run = verify("no-such-bucket", new Trail());

        assertThat(run.exit()).isEqualTo(Verifier.ERROR);
        assertThat(run.err()).contains("no-such-bucket");
    }
}
