package io.auditgate.bedrock;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;

/**
 * The one Bedrock Runtime client of the process: region and optional endpoint from config, the SDK's own
 * retries off ({@link UpstreamCalls} owns retries), a pooled HTTP client sized to the bulkhead.
 * {@code bedrock.credentials=local} signs with fixed dummy credentials, for the local simulator only.
 */
@ApplicationScoped
public class BedrockClients {

    @Inject
    @ConfigProperty(name = "bedrock.region")
    String region;

    @Inject
    @ConfigProperty(name = "bedrock.endpoint")
    Optional<URI> endpoint;

    @Inject
    @ConfigProperty(name = "bedrock.credentials", defaultValue = "default")
    String credentials;

    @Inject
    @ConfigProperty(name = "bedrock.max-connections", defaultValue = "64")
    int maxConnections;

    @Inject
    @ConfigProperty(name = "bedrock.connect-timeout", defaultValue = "PT2S")
    Duration connectTimeout;

    private BedrockRuntimeClient runtime;

    @PostConstruct
    void build() {
        var builder = BedrockRuntimeClient.builder()
                .region(Region.of(region))
                .credentialsProvider(credentialsProvider())
                .httpClientBuilder(Apache5HttpClient.builder()
                        .maxConnections(maxConnections)
                        .connectionTimeout(connectTimeout))
                .overrideConfiguration(o -> o.retryStrategy(b -> b.maxAttempts(1)));
        endpoint.ifPresent(builder::endpointOverride);
        runtime = builder.build();
    }

    BedrockRuntimeClient runtime() {
        return runtime;
    }

    private AwsCredentialsProvider credentialsProvider() {
        return switch (credentials) {
            case "default" -> DefaultCredentialsProvider.builder().build();
            case "local" -> StaticCredentialsProvider.create(AwsBasicCredentials.create("LOCALSIMULATOR", "local-simulator-only"));
            default -> throw new IllegalStateException("bedrock.credentials must be 'default' or 'local', not '" + credentials + "'");
        };
    }

    @PreDestroy
    void close() {
        if (runtime != null) {
            runtime.close();
        }
    }
}
