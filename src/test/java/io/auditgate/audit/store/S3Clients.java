package io.auditgate.audit.store;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** S3 clients for S3Mock on loopback, recording the HTTP requests the SDK actually sends. */
final class S3Clients {

    /** One request as sent: the operation and its headers (names lower-case). */
    record Sent(String operation, Map<String, List<String>> headers) {

        String header(String name) {
            var values = headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(Map.Entry::getValue).findFirst().orElse(List.of());
            return values.isEmpty() ? null : values.get(0);
        }
    }

    final List<Sent> sent = new CopyOnWriteArrayList<>();

    S3Client client(URI endpoint) {
        ExecutionInterceptor recorder = new ExecutionInterceptor() {
            @Override
            public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                sent.add(new Sent(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME),
                        context.httpRequest().headers()));
            }
        };
        return S3Client.builder().endpointOverride(endpoint).forcePathStyle(true).region(Region.US_EAST_1)
                .httpClientBuilder(Apache5HttpClient.builder())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("fake", "fake")))
                .overrideConfiguration(o -> o.addExecutionInterceptor(recorder)
                        .retryStrategy(r -> r.maxAttempts(1))) // the shipper owns retries
                .build();
    }

    List<Sent> puts() {
        return sent.stream().filter(s -> s.operation().equals("PutObject")).toList();
    }
}
