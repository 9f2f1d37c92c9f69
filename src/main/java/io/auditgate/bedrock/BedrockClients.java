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
import software.amazon.awssdk.core.client.config.SdkAdvancedAsyncClientOption;
import software.amazon.awssdk.http.Protocol;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;

/**
 * The one Bedrock Runtime client of the process: asynchronous, on the SDK's Netty client, so no thread waits while a
 * model works. Its pool holds up to {@code gateway.max-in-flight} connections (the SDK's default of 50 would queue
 * the rest), waits at most {@code bedrock.acquire-timeout} for one, and queues at most as many acquisitions as
 * requests may be in flight. HTTP/1.1, which Bedrock Runtime serves for every operation the gateway uses (and the
 * local simulator speaks). The SDK's own retries are off ({@link UpstreamCalls} owns the one retry layer).
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
    @ConfigProperty(name = "gateway.max-in-flight", defaultValue = "4096")
    int maxInFlight;

    @Inject
    @ConfigProperty(name = "bedrock.connect-timeout", defaultValue = "PT2S")
    Duration connectTimeout;

    @Inject
    @ConfigProperty(name = "bedrock.acquire-timeout", defaultValue = "PT2S")
    Duration acquireTimeout;

    private BedrockRuntimeAsyncClient runtime;

    @PostConstruct
    void build() {
        var builder = BedrockRuntimeAsyncClient.builder()
                .region(Region.of(region))
                .credentialsProvider(credentialsProvider())
                .httpClientBuilder(NettyNioAsyncHttpClient.builder()
                        .protocol(Protocol.HTTP1_1)
                        .maxConcurrency(maxInFlight)
                        .maxPendingConnectionAcquires(maxInFlight)
                        .connectionAcquisitionTimeout(acquireTimeout)
                        .connectionTimeout(connectTimeout))
                .overrideConfiguration(o -> o.retryStrategy(b -> b.maxAttempts(1)))
                // the SDK's futures complete on the Netty thread that read the answer, not after a hop to the SDK's
                // own pool: every caller moves on with an executor of its own (core's continuations)
                .asyncConfiguration(a -> a.advancedOption(SdkAdvancedAsyncClientOption.FUTURE_COMPLETION_EXECUTOR,
                        Runnable::run));
        endpoint.ifPresent(builder::endpointOverride);
        runtime = builder.build();
    }

    BedrockRuntimeAsyncClient runtime() {
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
