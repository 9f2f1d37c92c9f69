package io.auditgate.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code java -jar auditgate-loadgen.jar}: {@code body} prints a benchmark request body; {@code rate} drives one
 * URL at a fixed rate ({@link FixedRateRun}) and prints one JSON line: counts, achieved rate and latency
 * percentiles in milliseconds. Exit status 0 after a run (errors are in the line), 2 on bad options.
 */
public final class LoadGenerator {

    static final String USAGE = String.join(System.lineSeparator(),
            "Usage: java -jar auditgate-loadgen.jar body (invoke|converse|chat) SIZE PII_EVERY",
            "       java -jar auditgate-loadgen.jar rate --url URL --rate N --duration SECONDS [--warmup SECONDS]",
            "            [--connections N] [--body-file FILE] [--header 'Name: value']... [--histogram FILE]",
            "  rate: POSTs the body at N requests/s; latency counts from each request's intended send time.");

    private LoadGenerator() {
    }

    public static void main(String[] args) throws Exception {
        try {
            if (args.length == 4 && args[0].equals("body")) {
                System.out.println(body(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3])));
            } else if (args.length > 0 && args[0].equals("rate")) {
                rate(List.of(args).subList(1, args.length), System.out);
            } else {
                throw new IllegalArgumentException("unknown command");
            }
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
        }
    }

    private static String body(String target, int size, int piiEvery) {
        String prompt = Prompts.prompt(size, piiEvery);
        return switch (target) {
            case "invoke" -> Prompts.invokeBody(prompt);
            case "converse" -> Prompts.converseBody(prompt);
            case "chat" -> Prompts.chatBody(prompt);
            default -> throw new IllegalArgumentException("body target must be invoke, converse or chat: " + target);
        };
    }

    private static void rate(List<String> args, PrintStream out) throws IOException, InterruptedException {
        URI url = null;
        double rate = 0;
        double seconds = 0;
        double warmup = 0;
        int connections = 64;
        String body = "";
        Path histogram = null;
        var headers = new ArrayList<String>();
        for (int i = 0; i + 1 < args.size(); i += 2) {
            String value = args.get(i + 1);
            switch (args.get(i)) {
                case "--url" -> url = URI.create(value);
                case "--rate" -> rate = Double.parseDouble(value);
                case "--duration" -> seconds = Double.parseDouble(value);
                case "--warmup" -> warmup = Double.parseDouble(value);
                case "--connections" -> connections = Integer.parseInt(value);
                case "--body-file" -> body = Files.readString(Path.of(value)).strip();
                case "--header" -> headers.add(value);
                case "--histogram" -> histogram = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option " + args.get(i));
            }
        }
        if (url == null || rate <= 0 || seconds <= 0 || connections < 1 || args.size() % 2 != 0) {
            throw new IllegalArgumentException("rate needs --url, --rate > 0 and --duration > 0");
        }
        String path = url.getRawPath() + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
        byte[] request = HttpConnection.request("POST", url.getHost(), url.getPort(), path, headers, body);
        var run = new FixedRateRun(new InetSocketAddress(url.getHost(), url.getPort()), request, connections);
        long warmupRequests = 0;
        if (warmup > 0) {
            warmupRequests = run.run(rate, Duration.ofMillis(Math.round(warmup * 1000))).requests();
        }
        var result = run.run(rate, Duration.ofMillis(Math.round(seconds * 1000)));
        if (histogram != null) {
            try (var file = new PrintStream(Files.newOutputStream(histogram))) {
                result.latency().outputPercentileDistribution(file, 1000.0);
            }
        }
        out.println(json(rate, warmupRequests, result));
    }

    /** warmup_requests: answered in the warm-up, so that a caller timing the whole process can count them too. */
    private static String json(double rate, long warmupRequests, FixedRateRun.Result result) {
        var latency = result.latency();
        return String.format(Locale.ROOT, "{\"target_rate\":%.1f,\"warmup_requests\":%d,\"requests\":%d,\"ok\":%d,\"non2xx\":%d,\"socket_errors\":%d,"
                        + "\"seconds\":%.3f,\"rps\":%.1f,\"p50_ms\":%.3f,\"p90_ms\":%.3f,\"p99_ms\":%.3f,\"p999_ms\":%.3f,\"max_ms\":%.3f}",
                rate, warmupRequests, result.requests(), result.ok(), result.non2xx(), result.socketErrors(), result.seconds(),
                result.perSecond(), ms(latency.getValueAtPercentile(50)), ms(latency.getValueAtPercentile(90)),
                ms(latency.getValueAtPercentile(99)), ms(latency.getValueAtPercentile(99.9)), ms(latency.getMaxValue()));
    }

    private static double ms(long micros) {
        return micros / 1000.0;
    }
}
