package io.auditgate.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns {@code target/bench/runs.jsonl} (one flat JSON object per run, written by {@code bench/gateway.sh}) into
 * the markdown table of {@code docs/performance.md}: one line per case, pinning, row and load, with the median of
 * the repetitions and, for throughput, p50 and p99, their range; overhead is the median minus the direct row's
 * median for the same case, pinning and load. Streaming cells (columns {@code sN}) get their own table
 * ({@link StreamTable}).
 */
public final class ResultsTable {

    private static final Pattern FIELD = Pattern.compile("\"(\\w+)\":(\"([^\"]*)\"|[-0-9.eE]+|null)");

    private ResultsTable() {
    }

    public static void main(String[] args) throws IOException {
        var cells = new LinkedHashMap<String, List<Map<String, String>>>();
        for (String line : Files.readAllLines(Path.of(args[0]))) {
            var run = parse(line);
            if ("measure".equals(run.get("phase"))) {
                cells.computeIfAbsent(key(run, run.get("row")), k -> new ArrayList<>()).add(run);
            }
        }
        var requests = new LinkedHashMap<String, List<Map<String, String>>>();
        var streams = new LinkedHashMap<String, List<Map<String, String>>>();
        cells.forEach((key, runs) -> (StreamTable.isStream(runs.get(0)) ? streams : requests).put(key, runs));
        if (!requests.isEmpty()) {
            System.out.println("| case | pinning | row | load | req/s | p50 ms | p90 ms | p99 ms | p99.9 ms | p50 / p99 over direct "
                    + "| proxy CPU µs/req | RSS MB | appends/fsync | errors |");
            System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
            requests.forEach((key, runs) -> System.out.println(line(runs, cells.get(key(runs.get(0), "direct")))));
        }
        if (!streams.isEmpty()) {
            if (!requests.isEmpty()) {
                System.out.println();
            }
            StreamTable.print(streams, System.out);
        }
    }

    static String key(Map<String, String> run, String row) {
        return String.join("/", run.get("case"), run.get("pinning"), row, run.get("column"));
    }

    private static String line(List<Map<String, String>> runs, List<Map<String, String>> direct) {
        var first = runs.get(0);
        String column = first.get("column");
        String load = column.startsWith("rate") ? "fixed " + Math.round(Double.parseDouble(first.get("target_rate"))) + "/s"
                : "closed c=" + column.substring(1);
        String overhead = direct == null || direct == runs ? "—"
                : signed(median(runs, "p50_ms") - median(direct, "p50_ms")) + " / "
                        + signed(median(runs, "p99_ms") - median(direct, "p99_ms"));
        long errors = 0;
        for (var run : runs) {
            errors += Long.parseLong(run.get("non2xx")) + Long.parseLong(run.get("socket_errors"));
        }
        return String.join(" | ", "| " + first.get("case"), first.get("pinning"), first.get("row"), load,
                spread(runs, "rps", 0), spread(runs, "p50_ms", 2), fixed(median(runs, "p90_ms"), 2),
                spread(runs, "p99_ms", 2), fixed(median(runs, "p999_ms"), 2), overhead, optional(runs, "cpu_us_per_req", 0),
                optional(runs, "rss_mb", 0), appendsPerFsync(runs), errors + " |");
    }

    private static String appendsPerFsync(List<Map<String, String>> runs) {
        var ratios = new ArrayList<Double>();
        for (var run : runs) {
            String fsyncs = run.get("fsyncs");
            if (fsyncs != null && !fsyncs.equals("null") && Double.parseDouble(fsyncs) > 0) {
                ratios.add(Double.parseDouble(run.get("ok")) / Double.parseDouble(fsyncs));
            }
        }
        return ratios.isEmpty() ? "—" : fixed(median(ratios), 1);
    }

    static String optional(List<Map<String, String>> runs, String field, int decimals) {
        return "null".equals(runs.get(0).get(field)) ? "—" : fixed(median(runs, field), decimals);
    }

    static String spread(List<Map<String, String>> runs, String field, int decimals) {
        var values = values(runs, field);
        String median = fixed(median(values), decimals);
        return values.size() < 2 ? median : median + " (" + fixed(values.get(0), decimals) + "–"
                + fixed(values.get(values.size() - 1), decimals) + ")";
    }

    static double median(List<Map<String, String>> runs, String field) {
        return median(values(runs, field));
    }

    private static List<Double> values(List<Map<String, String>> runs, String field) {
        var values = new ArrayList<Double>();
        runs.forEach(run -> values.add(Double.parseDouble(run.get(field))));
        values.sort(null);
        return values;
    }

    private static double median(List<Double> values) {
        values.sort(null);
        int n = values.size();
        return n % 2 == 1 ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2;
    }

    static String signed(double millis) {
        return (millis >= 0 ? "+" : "−") + fixed(Math.abs(millis), 2);
    }

    static String fixed(double value, int decimals) {
        return String.format(Locale.ROOT, "%,." + decimals + "f", value);
    }

    static Map<String, String> parse(String line) {
        var fields = new LinkedHashMap<String, String>();
        var matcher = FIELD.matcher(line);
        while (matcher.find()) {
            fields.put(matcher.group(1), matcher.group(3) != null ? matcher.group(3) : matcher.group(2));
        }
        return fields;
    }
}
