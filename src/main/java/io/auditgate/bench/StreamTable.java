package io.auditgate.bench;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * The streaming cells of {@code runs.jsonl} (columns {@code sN}: N concurrent streams in a closed loop) as a markdown
 * table: streams completed per second, time to first token and its overhead over the direct row (median of the
 * repetitions' p50 and p99 minus direct's), the largest gap between two text deltas (the worst stream's, and the p99
 * of each stream's largest), stream duration, the proxy's CPU per stream and RSS, and every error kind summed.
 */
final class StreamTable {

    private StreamTable() {
    }

    static boolean isStream(Map<String, String> run) {
        return run.containsKey("ttft_p50_ms");
    }

    static void print(Map<String, List<Map<String, String>>> cells, PrintStream out) {
        out.println("| case | pinning | row | streams | completed/s | TTFT p50 ms | TTFT p99 ms | TTFT p50 / p99 over direct "
                + "| largest gap max / p99 ms | duration p50 / p99 ms | proxy CPU µs/stream | RSS MB | completed | errors |");
        out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        cells.forEach((key, runs) -> out.println(line(runs, cells.get(ResultsTable.key(runs.get(0), "direct")))));
    }

    private static String line(List<Map<String, String>> runs, List<Map<String, String>> direct) {
        var first = runs.get(0);
        String overhead = direct == null || direct == runs ? "—"
                : ResultsTable.signed(ResultsTable.median(runs, "ttft_p50_ms") - ResultsTable.median(direct, "ttft_p50_ms"))
                        + " / " + ResultsTable.signed(ResultsTable.median(runs, "ttft_p99_ms")
                                - ResultsTable.median(direct, "ttft_p99_ms"));
        long completed = 0;
        long errors = 0;
        for (var run : runs) {
            completed += Long.parseLong(run.get("ok"));
            errors += count(run, "non2xx") + count(run, "socket_errors") + count(run, "error_events") + count(run, "incomplete");
        }
        return String.join(" | ", "| " + first.get("case"), first.get("pinning"), first.get("row"), first.get("streams"),
                ResultsTable.spread(runs, "rps", 0), ResultsTable.spread(runs, "ttft_p50_ms", 1),
                ResultsTable.spread(runs, "ttft_p99_ms", 1), overhead,
                fixed(runs, "gap_max_ms") + " / " + fixed(runs, "gap_p99_ms"),
                fixed(runs, "duration_p50_ms") + " / " + fixed(runs, "duration_p99_ms"),
                ResultsTable.optional(runs, "cpu_us_per_req", 0), ResultsTable.optional(runs, "rss_mb", 0),
                Long.toString(completed), errors + " |");
    }

    private static String fixed(List<Map<String, String>> runs, String field) {
        return ResultsTable.fixed(ResultsTable.median(runs, field), 1);
    }

    private static long count(Map<String, String> run, String field) {
        return run.containsKey(field) ? Long.parseLong(run.get(field)) : 0;
    }
}
