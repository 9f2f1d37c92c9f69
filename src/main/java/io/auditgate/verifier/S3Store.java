package io.auditgate.verifier;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * An audit store under an S3 prefix, read with the AWS SDK's default credentials chain (environment, system
 * properties, profile, container or instance role). Needs {@code s3:ListBucket} on the prefix and
 * {@code s3:GetObject} on its objects; nothing else.
 */
public final class S3Store implements Store {

    private final S3Client s3;
    private final String bucket;
    private final String prefix;

    public S3Store(String bucket, String prefix, URI endpoint, String region, boolean pathStyle) {
        this.bucket = bucket;
        this.prefix = prefix.isEmpty() || prefix.endsWith("/") ? prefix : prefix + "/";
        var builder = S3Client.builder().httpClientBuilder(Apache5HttpClient.builder())
                .credentialsProvider(DefaultCredentialsProvider.builder().build())
                .forcePathStyle(pathStyle);
        if (region != null) {
            builder.region(Region.of(region));
        }
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        this.s3 = builder.build();
    }

    @Override
    public List<String> list(String folder) throws IOException {
        try {
            return s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix + folder)).contents().stream()
                    .map(S3Object::key).map(k -> k.substring(prefix.length()))
                    .filter(k -> !k.endsWith(LocalDirectoryStore.SIDECAR)).sorted().toList();
        } catch (SdkException e) {
            throw new IOException("cannot list s3://" + bucket + "/" + prefix + folder + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<byte[]> read(String key) throws IOException {
        try {
            return Optional.of(s3.getObjectAsBytes(r -> r.bucket(bucket).key(prefix + key)).asByteArray());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw new IOException("cannot read s3://" + bucket + "/" + prefix + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Map<String, String> metadata(String key) throws IOException {
        try {
            return s3.headObject(r -> r.bucket(bucket).key(prefix + key)).metadata();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Map.of();
            }
            throw new IOException("cannot head s3://" + bucket + "/" + prefix + key + ": " + e.getMessage(), e);
        } catch (SdkException e) {
            throw new IOException("cannot head s3://" + bucket + "/" + prefix + key + ": " + e.getMessage(), e);
        }
    }

    /**
     * ListObjectVersions over the folder (needs {@code s3:ListBucketVersions}); in an unversioned bucket every key
     * has one version, {@code null}. Object Lock keeps each version, so an overwrite or a delete leaves the original
     * beside the current one: a second version of an audit object is evidence, never a normal state.
     */
    @Override
    public Map<String, Integer> extraVersions(String folder) throws IOException {
        try {
            var counts = new TreeMap<String, Integer>();
            for (var page : s3.listObjectVersionsPaginator(r -> r.bucket(bucket).prefix(prefix + folder))) {
                page.versions().forEach(v -> counts.merge(v.key().substring(prefix.length()), 1, Integer::sum));
                page.deleteMarkers().forEach(m -> counts.merge(m.key().substring(prefix.length()), 1, Integer::sum));
            }
            counts.values().removeIf(n -> n < 2);
            return counts;
        } catch (SdkException e) {
            throw new IOException("cannot list object versions of s3://" + bucket + "/" + prefix + folder
                    + " (the verifier needs s3:ListBucketVersions): " + e.getMessage(), e);
        }
    }

    @Override
    public String describe() {
        return "s3://" + bucket + "/" + prefix;
    }

    @Override
    public void close() {
        s3.close();
    }
}
