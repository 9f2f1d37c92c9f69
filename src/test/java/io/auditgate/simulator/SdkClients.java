package io.auditgate.simulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.Protocol;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;

/** Real SDK clients pointed at a local simulator: fake static credentials, no retries, loopback only. */
final class SdkClients {

    static final String HAIKU = "anthropic.claude-3-haiku-20240307-v1:0";
    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDSIMULATOR", "simulator-secret"));

    private SdkClients() {
    }

    static BedrockRuntimeClient sync(URI endpoint) {
        return BedrockRuntimeClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(CREDENTIALS)
                .httpClientBuilder(Apache5HttpClient.builder())
                .overrideConfiguration(SdkClients::noRetries)
                .build();
    }

    /**
     * The async client of Bedrock Runtime defaults to HTTP/2; the simulator (a JDK HTTP server) speaks HTTP/1.1
     * only, which Bedrock Runtime also accepts for every operation it implements.
     */
    static BedrockRuntimeAsyncClient async(URI endpoint) {
        return BedrockRuntimeAsyncClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(CREDENTIALS)
                .httpClientBuilder(NettyNioAsyncHttpClient.builder().protocol(Protocol.HTTP1_1))
                .overrideConfiguration(SdkClients::noRetries)
                .build();
    }

    private static void noRetries(ClientOverrideConfiguration.Builder override) {
        override.retryStrategy(retry -> retry.maxAttempts(1));
    }

    /** A plain HTTP call, for what the SDK would never send: unsigned requests and the admin API. */
    static HttpResponse<String> send(HttpRequest request) throws Exception {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                .send(request, HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> admin(URI endpoint, String method, String path, String json) throws Exception {
        var body = json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json);
        return send(HttpRequest.newBuilder(endpoint.resolve(path)).method(method, body)
                .timeout(Duration.ofSeconds(5)).build());
    }
}
