package io.auditgate.audit;

import io.auditgate.audit.store.AuditOptions;
import io.auditgate.audit.store.AuditStore;
import io.auditgate.audit.store.LocalAuditStore;
import io.auditgate.audit.store.S3AuditStore;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.s3.S3Client;

/** Builds the audit store named by {@code audit.store} (an S3 bucket, or a local directory with the same layout) and the KMS client. */
final class AuditStores {

    private AuditStores() {
    }

    static AuditStore create(String kind, Optional<String> bucket, Optional<String> region, Optional<URI> endpoint,
                             Path localDir, AuditOptions options) throws IOException {
        return switch (kind) {
            case "local" -> new LocalAuditStore(localDir, options);
            case "s3" -> new S3AuditStore(s3(region, endpoint),
                    bucket.orElseThrow(() -> new IllegalStateException("audit.bucket is required with audit.store=s3")), options);
            default -> throw new IllegalStateException("audit.store must be 's3' or 'local', not '" + kind + "'");
        };
    }

    static KmsClient kms(Optional<String> region, Optional<URI> endpoint) {
        var builder = KmsClient.builder()
                .httpClientBuilder(Apache5HttpClient.builder())
                .region(Region.of(region.orElseThrow(() -> new IllegalStateException("audit.region is required for KMS signing"))));
        endpoint.ifPresent(builder::endpointOverride);
        return builder.build();
    }

    private static S3Client s3(Optional<String> region, Optional<URI> endpoint) {
        var builder = S3Client.builder()
                .httpClientBuilder(Apache5HttpClient.builder())
                .region(Region.of(region.orElseThrow(() -> new IllegalStateException("audit.region is required with audit.store=s3"))));
        endpoint.ifPresent(uri -> builder.endpointOverride(uri).forcePathStyle(true));
        return builder.build();
    }
}
