package io.auditgate.floor;

import io.auditgate.bench.Prompts;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.Message;

/**
 * The AWS SDK floor: the gateway's Bedrock Runtime client (BedrockClients: apache5 HTTP client with 64 connections,
 * 2 s connect timeout, SDK retries off, SigV4 with fixed dummy credentials, an explicit endpoint) calling Converse
 * with the benchmark's 1 KB prompt as the gateway does (a request built per call, an apiCallTimeout override per
 * call as UpstreamCalls sets, the answer's text and usage read), from N threads in a closed loop, in this plain JVM.
 *
 * <p>Usage: {@code SdkFloor --endpoint http://127.0.0.1:PORT [--warmup S] [--duration S] [--reps N]
 * [--concurrency "1 64"]}. Prints one JSON line per measured window: calls, calls/s, p50/p99 (ms), this JVM's CPU
 * (all threads: request threads, the SDK's, JIT, GC) per call in µs, and its RSS.
 */
public final class SdkFloor {

    private static final String MODEL_ID = "anthropic.claude-3-haiku-20240307-v1:0";
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30); // bedrock.timeout's default

    private final BedrockRuntimeClient client;
    private final String prompt = Prompts.prompt(1024, 1024);

    private SdkFloor(URI endpoint) {
        client = BedrockRuntimeClient.builder()
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("LOCALSIMULATOR", "local-simulator-only")))
                .httpClientBuilder(Apache5HttpClient.builder()
                        .maxConnections(64)
                        .connectionTimeout(Duration.ofSeconds(2)))
                .overrideConfiguration(o -> o.retryStrategy(b -> b.maxAttempts(1)))
                .endpointOverride(endpoint)
                .build();
    }

    public static void main(String[] args) throws Exception {
        URI endpoint = null;
        double warmup = 120;
        double duration = 10;
        int reps = 3;
        String concurrency = "1 64";
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--endpoint" -> endpoint = URI.create(args[i + 1]);
                case "--warmup" -> warmup = Double.parseDouble(args[i + 1]);
                case "--duration" -> duration = Double.parseDouble(args[i + 1]);
                case "--reps" -> reps = Integer.parseInt(args[i + 1]);
                case "--concurrency" -> concurrency = args[i + 1];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (endpoint == null || args.length % 2 != 0) {
            System.err.println("usage: SdkFloor --endpoint URL [--warmup S] [--duration S] [--reps N] [--concurrency \"1 64\"]");
            System.exit(2);
        }
        var floor = new SdkFloor(endpoint);
        floor.call(); // fails fast when the simulator does not answer
        System.err.printf(Locale.ROOT, "[sdk-floor] warm-up: %.0f s at concurrency 64%n", warmup);
        floor.window(64, warmup);
        for (int rep = 1; rep <= reps; rep++) {
            for (var c : concurrency.trim().split("\\s+")) {
                var result = floor.window(Integer.parseInt(c), duration);
                System.out.println(result.json(rep));
                System.out.flush();
            }
        }
        floor.client.close();
    }

    private String call() {
        var request = ConverseRequest.builder()
                .modelId(MODEL_ID)
                .messages(Message.builder().role(ConversationRole.USER).content(ContentBlock.fromText(prompt)).build())
                .build();
        var response = client.converse(request.toBuilder()
                .overrideConfiguration(o -> o.apiCallTimeout(CALL_TIMEOUT))
                .build());
        var text = response.output().message().content().stream()
                .filter(block -> block.text() != null)
                .map(ContentBlock::text)
                .collect(Collectors.joining());
        return text + response.usage().totalTokens() + response.stopReasonAsString();
    }

    private record Result(int concurrency, long calls, long errors, double seconds, Histogram latency, long cpuNanos,
                          long rssKb) {
        String json(int rep) {
            return String.format(Locale.ROOT, "{\"phase\":\"measure\",\"row\":\"sdk\",\"concurrency\":%d,\"rep\":%d,\"requests\":%d,"
                            + "\"errors\":%d,\"seconds\":%.3f,\"rps\":%.1f,\"p50_ms\":%.3f,\"p99_ms\":%.3f,"
                            + "\"cpu_us_per_req\":%.1f,\"rss_mb\":%d}",
                    concurrency, rep, calls, errors, seconds, calls / seconds,
                    latency.getValueAtPercentile(50) / 1e6, latency.getValueAtPercentile(99) / 1e6,
                    calls == 0 ? 0.0 : cpuNanos / 1e3 / calls, rssKb / 1024);
        }
    }

    /** {@code threads} threads call in a closed loop for {@code seconds}; CPU is this whole process's over the window. */
    private Result window(int threads, double seconds) throws InterruptedException {
        var deadline = new AtomicLong();
        var histograms = new ArrayList<Histogram>();
        var errors = new AtomicLong();
        var workers = new ArrayList<Thread>();
        for (int t = 0; t < threads; t++) {
            var histogram = new Histogram(3_600_000_000_000L, 3);
            histograms.add(histogram);
            workers.add(new Thread(() -> {
                long end = deadline.get();
                while (true) {
                    long start = System.nanoTime();
                    if (start - end >= 0) {
                        return;
                    }
                    try {
                        call();
                        histogram.recordValue(System.nanoTime() - start);
                    } catch (RuntimeException e) {
                        if (errors.getAndIncrement() == 0) {
                            System.err.println("[sdk-floor] call failed: " + e);
                        }
                    }
                }
            }, "sdk-floor-" + t));
        }
        long cpuBefore = processCpuNanos();
        long started = System.nanoTime();
        deadline.set(started + (long) (seconds * 1e9));
        workers.forEach(Thread::start);
        for (var worker : workers) {
            worker.join();
        }
        long elapsed = System.nanoTime() - started;
        long cpu = processCpuNanos() - cpuBefore;
        var latency = new Histogram(3_600_000_000_000L, 3);
        histograms.forEach(latency::add);
        return new Result(threads, latency.getTotalCount(), errors.get(), elapsed / 1e9, latency, cpu, rssKb());
    }

    /** utime + stime of every thread of this process (CLOCK_PROCESS_CPUTIME_ID), as /proc/self/stat counts it. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static long rssKb() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(line -> line.startsWith("VmRSS:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("[^0-9]", "")))
                    .findFirst().orElse(0);
        } catch (IOException e) {
            return 0;
        }
    }
}
