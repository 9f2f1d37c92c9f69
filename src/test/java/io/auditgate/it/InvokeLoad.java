package io.auditgate.it;

import jakarta.json.Json;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Closed-loop load on {@code POST /invoke} from {@code clients} threads until stopped: keeps the request id of every
 * 2xx answer (what the audit trail must then hold) and counts the other outcomes. A connection that breaks (the
 * gateway killed mid-request) is an outcome too, not a failure of the load.
 */
final class InvokeLoad implements AutoCloseable {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private static final String BODY = Json.createObjectBuilder().add("model", ItTenants.ACME_MODEL)
            .add("prompt", "Summarise the claim of jane.doe@example.com, phone +44 20 7946 0958, in one line.")
            .build().toString();

    private final URI invoke;
    private final List<Thread> threads = new ArrayList<>();
    private final Set<String> answered = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
    private volatile boolean running = true;

    private InvokeLoad(URI base) {
        this.invoke = base.resolve("/invoke");
    }

    static InvokeLoad start(URI base, int clients) {
        var load = new InvokeLoad(base);
        for (int i = 0; i < clients; i++) {
            var thread = new Thread(load::loop, "invoke-load-" + i);
            load.threads.add(thread);
            thread.start();
        }
        return load;
    }

    private void loop() {
        var request = HttpRequest.newBuilder(invoke).timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json").header("x-api-key", ItTenants.ACME)
                .POST(HttpRequest.BodyPublishers.ofString(BODY)).build();
        while (running) {
            try {
                var response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
                count(Integer.toString(response.statusCode()));
                if (response.statusCode() / 100 == 2) {
                    answered.add(Json.createReader(new StringReader(response.body())).readObject().getString("request_id"));
                }
            } catch (IOException e) {
                count("io-error");
                pause();
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void count(String outcome) {
        outcomes.computeIfAbsent(outcome, k -> new AtomicInteger()).incrementAndGet();
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until at least {@code n} requests were answered with a 2xx. */
    void awaitAnswered(int n, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (answered.size() < n) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + answered.size() + " answers within " + timeout + ": " + outcomes);
            }
            Thread.sleep(20);
        }
    }

    /** The request ids of every 2xx answer so far. */
    Set<String> answered() {
        return Set.copyOf(answered);
    }

    /** Outcome (HTTP status or {@code io-error}) → count. */
    Map<String, Integer> outcomes() {
        var copy = new java.util.TreeMap<String, Integer>();
        outcomes.forEach((k, v) -> copy.put(k, v.get()));
        return copy;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        for (var thread : threads) {
            thread.join(20_000);
        }
    }
}
