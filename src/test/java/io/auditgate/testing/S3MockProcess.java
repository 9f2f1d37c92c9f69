package io.auditgate.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Adobe S3Mock (the {@code com.adobe.testing:s3mock:exec} test dependency) as a separate process on a loopback
 * port, storing under {@code root} and keeping its files on exit, so it can be stopped and started again on the same
 * port and root (an S3 outage). Accepts one KMS key ARN. Path-style only; takes about 15 s to answer. Adapted from
 * the verifier's test helper.
 */
public final class S3MockProcess implements AutoCloseable {

    public static final String KMS_KEY_ARN = "arn:aws:kms:us-east-1:123456789012:key/11111111-2222-3333-4444-555555555555";
    /** S3Mock registers ARNs and then accepts requests naming the key id (the ARN's last part). */
    public static final String KMS_KEY_ID = KMS_KEY_ARN.substring(KMS_KEY_ARN.lastIndexOf('/') + 1);

    private final Process process;
    public final URI endpoint;

    private S3MockProcess(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    public static S3MockProcess start(Path root) throws IOException, InterruptedException {
        return start(root, freePort());
    }

    public static S3MockProcess start(Path root, int port) throws IOException, InterruptedException {
        var log = Files.createTempFile("s3mock", ".log");
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var process = new ProcessBuilder(java, "-Xmx384m", "-jar", jar().toString(),
                "--com.adobe.testing.s3mock.store.root=" + root, "--http.port=" + port,
                "--server.port=" + freePort(), "--server.address=127.0.0.1", "--spring.main.banner-mode=off",
                "--com.adobe.testing.s3mock.store.retain-files-on-exit=true",
                "--com.adobe.testing.s3mock.store.valid-kms-keys=" + KMS_KEY_ARN)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        var mock = new S3MockProcess(process, URI.create("http://127.0.0.1:" + port));
        mock.awaitReady(log);
        return mock;
    }

    /** Until S3Mock answers; at once if it exits ({@link BootWatch}), else after 90 s. Stops it on failure. */
    private void awaitReady(Path log) {
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        try {
            BootWatch.of("S3Mock", process, log, 0).await(Duration.ofSeconds(90), () -> answers(http));
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private boolean answers(HttpClient http) {
        try {
            return http.send(HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() < 500;
        } catch (IOException notYet) {
            return false; // still starting
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path jar() throws IOException {
        var configured = System.getProperty("s3mock.jar");
        if (configured != null) {
            return Path.of(configured);
        }
        for (var url : Collections.list(S3MockProcess.class.getClassLoader().getResources("META-INF/MANIFEST.MF"))) {
            var text = url.toString();
            if (text.startsWith("jar:file:") && text.contains("/s3mock-") && text.contains("-exec.jar!")) {
                return Path.of(URI.create(text.substring(4, text.indexOf("!"))));
            }
        }
        var local = Path.of(System.getProperty("user.home"), ".m2", "repository", "com", "adobe", "testing", "s3mock",
                "5.2.0", "s3mock-5.2.0-exec.jar");
        if (Files.isRegularFile(local)) {
            return local;
        }
        throw new IllegalStateException("s3mock exec jar is not on the test class path");
    }

    /** An S3 client for this mock: path-style, fake static credentials, the SDK's default retries. */
    public S3Client client() {
        return S3Client.builder().endpointOverride(endpoint).forcePathStyle(true).region(Region.US_EAST_1)
                .httpClientBuilder(Apache5HttpClient.builder())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("fake", "fake")))
                .build();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public int port() {
        return endpoint.getPort();
    }

    public static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
