package io.auditgate.floor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The markdown table of bench/floor.sh from its runs.jsonl: one line per (row, concurrency), the median over the
 * repetitions and, for requests/s and CPU, the range.
 */
public final class FloorTable {

    private static final Map<String, String> NAMES = Map.of(
            "jaxrs", "Payara Micro + Jersey: `POST /echo`",
            "servlet", "Payara Micro, plain servlet: `POST /servlet-echo`",
            "sdk", "AWS SDK v2 Converse to the simulator (plain JVM)");

    private FloorTable() {
    }

    public static void main(String[] args) throws Exception {
        var cells = new LinkedHashMap<String, List<String>>();
        for (var line : Files.readAllLines(Path.of(args[0]))) {
            if (line.contains("\"phase\":\"measure\"")) {
                cells.computeIfAbsent(text(line, "row") + " " + number(line, "concurrency"), k -> new ArrayList<>()).add(line);
            }
        }
        System.out.println("| Row | Concurrency | Requests/s | p50 ms | p99 ms | CPU µs/request | RSS MB | Errors |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
        for (var cell : cells.entrySet()) {
            var lines = cell.getValue();
            var key = cell.getKey().split(" ");
            long errors = 0;
            for (var line : lines) {
                errors += (long) number(line, "errors");
            }
            System.out.printf(Locale.ROOT, "| %s | %d | %s | %.2f | %.2f | %s | %.0f | %d |%n",
                    NAMES.getOrDefault(key[0], key[0]), (long) Double.parseDouble(key[1]),
                    withRange(lines, "rps", "%.0f"), median(lines, "p50_ms"), median(lines, "p99_ms"),
                    withRange(lines, "cpu_us_per_req", "%.0f"), median(lines, "rss_mb"), errors);
        }
    }

    private static String withRange(List<String> lines, String field, String format) {
        var values = values(lines, field);
        var median = String.format(Locale.ROOT, format, median(values));
        if (values.size() < 2) {
            return median;
        }
        return median + " (" + String.format(Locale.ROOT, format, values.get(0)) + "–"
                + String.format(Locale.ROOT, format, values.get(values.size() - 1)) + ")";
    }

    private static double median(List<String> lines, String field) {
        return median(values(lines, field));
    }

    private static double median(List<Double> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static List<Double> values(List<String> lines, String field) {
        return lines.stream().map(line -> number(line, field)).sorted().toList();
    }

    private static double number(String line, String field) {
        var m = Pattern.compile("\"" + field + "\":(-?[0-9.]+)").matcher(line);
        if (!m.find()) {
            throw new IllegalArgumentException("no " + field + " in " + line);
        }
        return Double.parseDouble(m.group(1));
    }

    private static String text(String line, String field) {
        var m = Pattern.compile("\"" + field + "\":\"([^\"]*)\"").matcher(line);
        if (!m.find()) {
            throw new IllegalArgumentException("no " + field + " in " + line);
        }
        return m.group(1);
    }
}
