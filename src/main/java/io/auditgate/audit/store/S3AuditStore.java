package io.auditgate.audit.store;

import io.auditgate.audit.chain.SegmentMetadata;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Logger;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectLockMode;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * The audit store in an S3 bucket with Object Lock. Every PutObject carries the lock mode and a retain-until date
 * (now + retention), a SHA-256 checksum, SSE-KMS when a key is configured, the object's metadata and content type,
 * and {@code If-None-Match: *}. A HeadObject first makes re-puts idempotent and refuses to replace different content.
 * Needs {@code s3:PutObject}, {@code s3:PutObjectRetention}, {@code s3:GetObject}, {@code s3:ListBucket} and, with a
 * KMS key, {@code kms:GenerateDataKey}; never {@code s3:DeleteObject}.
 */
public final class S3AuditStore implements AuditStore {

    private static final Logger LOG = Logger.getLogger(S3AuditStore.class.getName());

    private final S3Client s3;
    private final String bucket;
    private final AuditOptions options;
    private final Clock clock;

    /** The client is the caller's: built with its region, credentials, retry policy and timeouts; closed with this. */
    public S3AuditStore(S3Client s3, String bucket, AuditOptions options) {
        this(s3, bucket, options, Clock.systemUTC());
    }

    S3AuditStore(S3Client s3, String bucket, AuditOptions options, Clock clock) {
        this.s3 = Objects.requireNonNull(s3, "s3");
        this.bucket = Objects.requireNonNull(bucket, "bucket");
        this.options = Objects.requireNonNull(options, "options");
        this.clock = clock;
    }

    @Override
    public Put put(AuditObject object) throws IOException {
        var existing = head(object.key());
        if (existing.isPresent()) {
            return compare(object, existing.get());
        }
        try {
            s3.putObject(request(object), RequestBody.fromBytes(object.body()));
            return Put.CREATED;
        } catch (S3Exception e) {
            if (e.statusCode() == 412) { // If-None-Match: someone stored this key between our HEAD and PUT
                return compare(object, head(object.key()).orElse(Map.of()));
            }
            throw new IOException("cannot put " + where(object.key()) + ": " + e.getMessage(), e);
        } catch (SdkException e) {
            throw new IOException("cannot put " + where(object.key()) + ": " + e.getMessage(), e);
        }
    }

    private PutObjectRequest request(AuditObject object) {
        var put = PutObjectRequest.builder().bucket(bucket).key(object.key()).metadata(object.metadata())
                .contentType(object.contentType()).contentEncoding(object.contentEncoding())
                .objectLockMode(options.lockMode() == AuditOptions.LockMode.COMPLIANCE ? ObjectLockMode.COMPLIANCE
                        : ObjectLockMode.GOVERNANCE)
                .objectLockRetainUntilDate(clock.instant().plus(options.retention()))
                .checksumAlgorithm(ChecksumAlgorithm.SHA256).checksumSHA256(base64Sha256(object.body()))
                .ifNoneMatch("*");
        if (options.kmsKeyId() != null) {
            put.serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(options.kmsKeyId());
        }
        return put.build();
    }

    private Put compare(AuditObject object, Map<String, String> stored) throws AuditConflictException {
        var sha = stored.get(SegmentMetadata.SHA256);
        if (object.sha256().equals(sha)) {
            return Put.ALREADY_STORED;
        }
        var conflict = new AuditConflictException(object.key(), "bucket=" + bucket + " stored sha256=" + sha
                + " new sha256=" + object.sha256());
        LOG.severe(conflict.getMessage());
        throw conflict;
    }

    private Optional<Map<String, String>> head(String key) throws IOException {
        try {
            return Optional.of(s3.headObject(r -> r.bucket(bucket).key(key)).metadata());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw new IOException("cannot head " + where(key) + ": " + e.getMessage(), e);
        } catch (SdkException e) {
            throw new IOException("cannot head " + where(key) + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<String> list(String keyPrefix) throws IOException {
        try {
            return s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(keyPrefix)).contents().stream()
                    .map(S3Object::key).sorted().toList();
        } catch (SdkException e) {
            throw new IOException("cannot list " + where(keyPrefix) + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<byte[]> read(String key) throws IOException {
        try {
            return Optional.of(s3.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asByteArray());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw new IOException("cannot read " + where(key) + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String describe() {
        return "s3://" + bucket + "/" + options.keyPrefix();
    }

    @Override
    public void close() {
        s3.close();
    }

    private String where(String key) {
        return "s3://" + bucket + "/" + key;
    }

    private static String base64Sha256(byte[] body) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
