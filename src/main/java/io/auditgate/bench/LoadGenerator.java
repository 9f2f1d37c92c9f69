package io.auditgate.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.HashSet;
import java.util.Set;
import org.HdrHistogram.Histogram;

/**
 * {@code java -jar auditgate-loadgen.jar}: {@code body} prints a benchmark request body; {@code rate} drives one
 * URL at a fixed rate ({@link FixedRateRun}) and {@code stream} keeps N streamed answers open in a closed loop
 * ({@link StreamRun}); both print one JSON line: counts and latencies in milliseconds. Exit status 0 after a run
 * (errors are in the line), 2 on bad options.
 */
public final class LoadGenerator {

    static final String USAGE = String.join(System.lineSeparator(),
            "Usage: java -jar auditgate-loadgen.jar body (invoke|converse|chat|invoke-stream|chat-stream) SIZE PII_EVERY",
            "       java -jar auditgate-loadgen.jar rate --url URL --rate N --duration SECONDS [--warmup SECONDS]",
            "            [--connections MAX] [--body-file FILE] [--header 'Name: value']... [--histogram FILE]",
            "       java -jar auditgate-loadgen.jar stream --url URL --streams N --duration SECONDS [--warmup SECONDS]",
            "            --format (sse-invoke|sse-openai|eventstream) [--body-file FILE] [--header 'Name: value']...",
            "  rate: POSTs the body at N requests/s over up to MAX connections (default 64), opened as needed;",
            "        latency counts from each request's intended send time.",
            "  stream: N users, each sending the streaming request again as soon as its answer has ended; users start",
            "        spread over the warm-up; time to first token, largest gap between text deltas, stream duration.");

    private static final Set<String> COMMON = Set.of("--url", "--duration", "--warmup", "--body-file", "--header");

    private LoadGenerator() {
    }

    public static void main(String[] args) throws Exception {
        try {
            var options = List.of(args).subList(Math.min(1, args.length), args.length);
            if (args.length == 4 && args[0].equals("body")) {
                System.out.println(body(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3])));
            } else if (args.length > 0 && args[0].equals("rate")) {
                rate(new Options(options, with("--rate", "--connections", "--histogram")), System.out);
            } else if (args.length > 0 && args[0].equals("stream")) {
                stream(new Options(options, with("--streams", "--format")), System.out);
            } else {
                throw new IllegalArgumentException("unknown command");
            }
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
        }
    }

    private static Set<String> with(String... more) {
        var names = new HashSet<>(COMMON);
        names.addAll(List.of(more));
        return names;
    }

    private static String body(String target, int size, int piiEvery) {
        String prompt = Prompts.prompt(size, piiEvery);
        return switch (target) {
            case "invoke" -> Prompts.invokeBody(prompt);
            case "converse" -> Prompts.converseBody(prompt);
            case "chat" -> Prompts.chatBody(prompt);
            case "invoke-stream" -> Prompts.invokeStreamBody(prompt);
            case "chat-stream" -> Prompts.chatStreamBody(prompt);
            default -> throw new IllegalArgumentException(
                    "body target must be invoke, converse, chat, invoke-stream or chat-stream: " + target);
        };
    }

    private static void rate(Options options, PrintStream out) throws IOException {
        double rate = options.number("--rate", 0);
        var duration = options.seconds("--duration", 0);
        int connections = (int) options.number("--connections", 64);
        if (rate <= 0 || duration.isZero() || connections < 1) {
            throw new IllegalArgumentException("rate needs --url, --rate > 0, --duration > 0 and --connections >= 1");
        }
        try (var run = new FixedRateRun(options.address(), options.request(), connections)) {
            long warmupRequests = 0;
            var warmup = options.seconds("--warmup", 0);
            if (!warmup.isZero()) {
                warmupRequests = run.run(rate, warmup).requests();
            }
            var result = run.run(rate, duration);
            if (options.has("--histogram")) {
                try (var file = new PrintStream(Files.newOutputStream(Path.of(options.text("--histogram"))))) {
                    result.latency().outputPercentileDistribution(file, 1000.0);
                }
            }
            out.println(rateJson(rate, warmupRequests, result));
        }
    }

    /** warmup_requests: answered in the warm-up, so that a caller timing the whole process can count them too. */
    private static String rateJson(double rate, long warmupRequests, FixedRateRun.Result result) {
        var latency = result.latency();
        return String.format(Locale.ROOT, "{\"target_rate\":%.1f,\"warmup_requests\":%d,\"requests\":%d,\"ok\":%d,\"non2xx\":%d,\"socket_errors\":%d,"
                        + "\"seconds\":%.3f,\"rps\":%.1f,\"p50_ms\":%.3f,\"p90_ms\":%.3f,\"p99_ms\":%.3f,\"p999_ms\":%.3f,\"max_ms\":%.3f,\"connections\":%d}",
                rate, warmupRequests, result.requests(), result.ok(), result.non2xx(), result.socketErrors(), result.seconds(),
                result.perSecond(), ms(latency, 50), ms(latency, 90), ms(latency, 99), ms(latency, 99.9),
                latency.getMaxValue() / 1000.0, result.connections());
    }

    private static void stream(Options options, PrintStream out) throws IOException {
        int streams = (int) options.number("--streams", 0);
        var duration = options.seconds("--duration", 0);
        var format = StreamFormat.named(options.text("--format"));
        if (streams < 1 || duration.isZero()) {
            throw new IllegalArgumentException("stream needs --url, --streams >= 1, --duration > 0 and --format");
        }
        var run = new StreamRun(options.address(), options.request(), format);
        out.println(streamJson(streams, run.run(streams, options.seconds("--warmup", 0), duration)));
    }

    /**
     * requests: streams begun in the window (any outcome); ok: of them, complete; warmup_requests: begun in the warm-up.
     * ttft: send to first text delta; gap: per stream its largest gap between text deltas, then p99 and max over streams.
     */
    static String streamJson(int streams, StreamTally.Result result) {
        var ttft = result.firstToken();
        var gap = result.largestGap();
        var duration = result.duration();
        return String.format(Locale.ROOT, "{\"streams\":%d,\"warmup_requests\":%d,\"requests\":%d,\"ok\":%d,\"non2xx\":%d,"
                        + "\"socket_errors\":%d,\"error_events\":%d,\"incomplete\":%d,\"seconds\":%.3f,\"rps\":%.1f,"
                        + "\"ttft_p50_ms\":%.3f,\"ttft_p99_ms\":%.3f,\"ttft_max_ms\":%.3f,\"gap_p99_ms\":%.3f,\"gap_max_ms\":%.3f,"
                        + "\"duration_p50_ms\":%.3f,\"duration_p99_ms\":%.3f}",
                streams, result.warmupStreams(), result.streams(), result.ok(), result.non2xx(), result.socketErrors(),
                result.errorEvents(), result.incomplete(), result.seconds(), result.ok() / result.seconds(),
                ms(ttft, 50), ms(ttft, 99), ttft.getMaxValue() / 1000.0, ms(gap, 99), gap.getMaxValue() / 1000.0,
                ms(duration, 50), ms(duration, 99));
    }

    private static double ms(Histogram histogram, double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1000.0;
    }
}
