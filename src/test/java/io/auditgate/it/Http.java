package io.auditgate.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Raw HTTP for what a generated client cannot send (malformed bodies, wrong media types, odd methods). */
final class Http {

    /**
     * HTTP/1.1, as API Gateway and the ALB speak to the gateway: Java's default would offer an h2c upgrade, and
     * Grizzly's upgrade path once deadlocked two request threads in a test (docs/architecture.md, known limits).
     */
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private Http() {
    }

    static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return CLIENT.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** POSTs JSON as tenant acme (see {@link ItTenants}). */
    static HttpResponse<String> postJson(URI uri, String json) {
        return postJson(uri, json, ItTenants.ACME);
    }

    static HttpResponse<String> postJson(URI uri, String json, String apiKey) {
        return send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json").header("x-api-key", apiKey)
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /**
     * Waits until the gateway answers on loopback: Payara reports "ready" before the post-boot command that
     * rebinds its listener to 127.0.0.1 has taken effect.
     */
    static void awaitUp(URI base) {
        var deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (CLIENT.send(HttpRequest.newBuilder(base.resolve("/health/live")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("gateway not up on " + base);
    }

    static HttpResponse<String> get(URI uri) {
        return send(HttpRequest.newBuilder(uri).GET());
    }
}
