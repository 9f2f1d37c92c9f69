package io.auditgate.audit;

import io.auditgate.audit.store.AuditOptions;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The audit trail's configuration (keys {@code audit.*}); environment facts have no default outside the local profile. */
@Dependent
public class AuditSettings {

    @Inject
    @ConfigProperty(name = "audit.store")
    String store;

    /** {@code journal} (default): durable in the local journal before answering; {@code direct}: in the store too. */
    @Inject
    @ConfigProperty(name = "audit.mode", defaultValue = "journal")
    String mode;

    @Inject
    @ConfigProperty(name = "audit.journal-dir")
    String journalDir;

    @Inject
    @ConfigProperty(name = "audit.local-dir", defaultValue = "audit-store")
    String localDir;

    @Inject
    @ConfigProperty(name = "audit.bucket")
    Optional<String> bucket;

    @Inject
    @ConfigProperty(name = "audit.prefix", defaultValue = "auditgate")
    String prefix;

    @Inject
    @ConfigProperty(name = "audit.region")
    Optional<String> region;

    @Inject
    @ConfigProperty(name = "audit.s3-endpoint")
    Optional<URI> endpoint;

    @Inject
    @ConfigProperty(name = "audit.lock-mode", defaultValue = "COMPLIANCE")
    AuditOptions.LockMode lockMode;

    @Inject
    @ConfigProperty(name = "audit.retention")
    Duration retention;

    @Inject
    @ConfigProperty(name = "audit.kms-key-id")
    Optional<String> kmsKeyId;

    @Inject
    @ConfigProperty(name = "audit.signing-key-file")
    Optional<String> signingKeyFile;

    @Inject
    @ConfigProperty(name = "audit.signing-kms-key-id")
    Optional<String> signingKmsKeyId;

    @Inject
    @ConfigProperty(name = "audit.kms-endpoint")
    Optional<URI> kmsEndpoint;

    @Inject
    @ConfigProperty(name = "audit.instance")
    Optional<String> instance;

    @Inject
    @ConfigProperty(name = "audit.max-unshipped-bytes", defaultValue = "1073741824")
    long maxUnshippedBytes;

    @Inject
    @ConfigProperty(name = "audit.segment-max-records", defaultValue = "1000")
    int segmentMaxRecords;

    @Inject
    @ConfigProperty(name = "audit.segment-max-age", defaultValue = "PT60S")
    Duration segmentMaxAge;

    @Inject
    @ConfigProperty(name = "audit.digest-interval", defaultValue = "PT15M")
    Duration digestInterval;

    @Inject
    @ConfigProperty(name = "audit.durable-timeout", defaultValue = "PT5S")
    Duration durableTimeout;

    @Inject
    @ConfigProperty(name = "gateway.version", defaultValue = "0.1.0")
    String version;

    /** True for {@code audit.mode=direct}; anything but {@code journal} or {@code direct} stops the start. */
    boolean direct() {
        return switch (mode) {
            case "journal" -> false;
            case "direct" -> true;
            default -> throw new IllegalStateException("audit.mode must be 'journal' or 'direct', not '" + mode + "'");
        };
    }

    Path journalDir() {
        return Path.of(journalDir);
    }

    Path localDir() {
        return Path.of(localDir);
    }

    String version() {
        return version;
    }

    /** This instance's chain id: {@code audit.instance}, or the host name made safe for object keys. */
    String instance() {
        return instance.orElseGet(() -> {
            try {
                return InetAddress.getLocalHost().getHostName().replaceAll("[^A-Za-z0-9._-]", "-");
            } catch (UnknownHostException e) {
                return "gateway";
            }
        });
    }
}
