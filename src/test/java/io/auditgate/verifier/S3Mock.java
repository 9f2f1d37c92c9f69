package io.auditgate.verifier;

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

/**
 * Adobe S3Mock (the {@code com.adobe.testing:s3mock:exec} test dependency) as a separate process on a free
 * loopback port, storing under a temporary directory. Path-style only; takes about 15 s to answer.
 */
final class S3Mock implements AutoCloseable {

    private final Process process;
    final URI endpoint;

    private S3Mock(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    static S3Mock start(Path root) throws IOException, InterruptedException {
        int port = freePort();
        var log = Files.createTempFile("s3mock", ".log");
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var process = new ProcessBuilder(java, "-Xmx384m", "-jar", jar().toString(),
                "--com.adobe.testing.s3mock.store.root=" + root, "--http.port=" + port,
                "--server.port=" + freePort(), "--server.address=127.0.0.1", "--spring.main.banner-mode=off")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        var mock = new S3Mock(process, URI.create("http://127.0.0.1:" + port));
        mock.awaitReady(log);
        return mock;
    }

    private void awaitReady(Path log) throws IOException, InterruptedException {
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("S3Mock exited: " + Files.readString(log));
            }
            try {
                var response = http.send(HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() < 500) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        close();
        throw new IllegalStateException("S3Mock did not answer within 90 s; log in " + log);
    }

    private static Path jar() throws IOException {
        var configured = System.getProperty("s3mock.jar");
        if (configured != null) {
            return Path.of(configured);
        }
        for (var url : Collections.list(S3Mock.class.getClassLoader().getResources("META-INF/MANIFEST.MF"))) {
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

    private static int freePort() throws IOException {
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
