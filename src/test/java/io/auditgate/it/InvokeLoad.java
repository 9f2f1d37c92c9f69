package io.auditgate.it;

import jakarta.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Closed-loop load on {@code POST /invoke}, one thread per {@link Ask} until stopped: keeps the request id of every
 * answer (a 2xx, or a stream whose {@code end} event arrived: what the audit trail must then hold), how each stream
 * went as the client saw it, and counts the outcomes. A connection that breaks (the gateway killed mid-request) is
 * an outcome too, not a failure of the load.
 */
final class InvokeLoad implements AutoCloseable {

    /** What one client sends, again and again: a plain or a streamed {@code /invoke} of {@code prompt}. */
    record Ask(String model, String prompt, boolean stream) {

        static final String PROMPT = "Summarise the claim of jane.doe@example.com, phone +44 20 7946 0958, in one line.";

        static Ask plain() {
            return new Ask(ItTenants.ACME_MODEL, PROMPT, false);
        }

        static Ask streamed(String model, String prompt) {
            return new Ask(model, prompt, true);
        }

        String body() {
            var json = Json.createObjectBuilder().add("model", model).add("prompt", prompt);
            return (stream ? json.add("stream", true) : json).build().toString();
        }
    }

    /** How a stream went for its client while it lasts, then how it ended: an {@code error}'s problem type, or this. */
    static final String OPEN = "open";
    static final String END = "end";
    static final String CUT = "cut";

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private final URI invoke;
    private final List<Thread> threads = new ArrayList<>();
    private final Set<String> answered = ConcurrentHashMap.newKeySet();
    private final Map<String, String> streams = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
    private volatile boolean running = true;

    private InvokeLoad(URI base) {
        this.invoke = base.resolve("/invoke");
    }

    /** {@code clients} clients of plain requests. */
    static InvokeLoad start(URI base, int clients) {
        return start(base, Collections.nCopies(clients, Ask.plain()));
    }

    /** A client for each ask. */
    static InvokeLoad start(URI base, List<Ask> asks) {
        var load = new InvokeLoad(base);
        for (int i = 0; i < asks.size(); i++) {
            var ask = asks.get(i);
            var thread = new Thread(() -> load.loop(ask), "invoke-load-" + i);
            load.threads.add(thread);
            thread.start();
        }
        return load;
    }

    private void loop(Ask ask) {
        var request = HttpRequest.newBuilder(invoke).timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json").header("x-api-key", ItTenants.ACME)
                .POST(HttpRequest.BodyPublishers.ofString(ask.body())).build();
        while (running) {
            try {
                if (ask.stream()) {
                    stream(request);
                } else {
                    plain(request);
                }
            } catch (IOException e) {
                count("io-error");
                pause();
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void plain(HttpRequest request) throws IOException, InterruptedException {
        var response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        count(Integer.toString(response.statusCode()));
        if (response.statusCode() / 100 == 2) {
            answered.add(Json.createReader(new StringReader(response.body())).readObject().getString("request_id"));
        }
    }

    /** Reads the events as they come: the stream counts as begun at {@code start}, as answered only at {@code end}. */
    private void stream(HttpRequest request) throws IOException, InterruptedException {
        var response = CLIENT.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (var body = response.body()) {
            if (response.statusCode() != 200) {
                body.readAllBytes();
                count(Integer.toString(response.statusCode()));
                return;
            }
            var ended = read(body);
            count("stream " + (ended.startsWith("https://") ? "error " + ended.substring(ended.lastIndexOf('/') + 1) : ended));
        }
    }

    /** How the stream ended: {@link #END}, an {@code error} event's problem type, or {@link #CUT}. */
    private String read(InputStream body) {
        String id = null;
        var ended = CUT;
        var events = new SseReader(body);
        try {
            for (var event = events.next(); event != null; event = events.next()) {
                var data = Json.createReader(new StringReader(event.data())).readObject();
                switch (event.name()) {
                    case "start" -> {
                        id = data.getString("request_id");
                        streams.put(id, OPEN);
                    }
                    case "end" -> ended = END;
                    case "error" -> ended = data.getString("type");
                    default -> { }
                }
            }
        } catch (IOException e) {
            // the connection broke: the stream was cut, whatever it had sent
        }
        if (id != null) {
            if (ended.equals(END)) {
                answered.add(id);
            }
            streams.put(id, ended);
        }
        return ended;
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

    /** Waits until at least {@code n} requests were answered (a 2xx, or a stream's {@code end}). */
    void awaitAnswered(int n, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (answered.size() < n) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + answered.size() + " answers within " + timeout + ": " + outcomes);
            }
            Thread.sleep(20);
        }
    }

    /** The request ids of every answer so far: 2xx responses and streams whose {@code end} arrived. */
    Set<String> answered() {
        return Set.copyOf(answered);
    }

    /** Every stream that began (its {@code start} arrived) → {@link #OPEN}, {@link #END}, {@link #CUT} or a problem type. */
    Map<String, String> streams() {
        return Map.copyOf(streams);
    }

    /** How many streams ended so far as {@code how}. */
    long streams(String how) {
        return streams.values().stream().filter(how::equals).count();
    }

    /** Outcome (HTTP status, {@code io-error}, or {@code stream} and how it ended) → count. */
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
