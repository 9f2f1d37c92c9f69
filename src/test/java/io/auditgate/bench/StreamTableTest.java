package io.auditgate.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StreamTableTest {

    private static final String RUN = "{\"streams\":2000,\"warmup_requests\":10,\"requests\":%d,\"ok\":%d,\"non2xx\":0,"
            + "\"socket_errors\":0,\"error_events\":%d,\"incomplete\":1,\"seconds\":20.000,\"rps\":%d.0,\"ttft_p50_ms\":%s,"
            + "\"ttft_p99_ms\":%s,\"ttft_max_ms\":1600.0,\"gap_p99_ms\":30.0,\"gap_max_ms\":45.5,\"duration_p50_ms\":3500.0,"
            + "\"duration_p99_ms\":3600.0,\"phase\":\"measure\",\"case\":\"1KB\",\"pinning\":\"unpinned\",\"row\":\"%s\","
            + "\"column\":\"s2000\",\"rep\":1,\"cpu_us_per_req\":%s,\"rss_mb\":%s,\"fsyncs\":null}";

    @Test
    void streamingCellsShowFirstTokenOverheadOverDirectAndEveryErrorKind() {
        var direct = ResultsTable.parse(RUN.formatted(11_000, 10_999, 0, 550, "1505.0", "1520.0", "direct", "null", "null"));
        var gateway = ResultsTable.parse(RUN.formatted(10_800, 10_796, 3, 540, "1515.5", "1544.0", "gateway", "900.0", "812"));
        assertThat(StreamTable.isStream(direct)).isTrue();
        Map<String, List<Map<String, String>>> cells = new LinkedHashMap<>();
        cells.put(ResultsTable.key(direct, "direct"), List.of(direct));
        cells.put(ResultsTable.key(gateway, "gateway"), List.of(gateway));
        var out = new ByteArrayOutputStream();
        StreamTable.print(cells, new PrintStream(out, true, StandardCharsets.UTF_8));
        var lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(2)).startsWith("| 1KB | unpinned | direct | 2000 | 550 | 1,505.0 | 1,520.0 | — |")
                .endsWith("| 10999 | 1 |");
        assertThat(lines.get(3)).contains("| gateway | 2000 | 540 | 1,515.5 | 1,544.0 | +10.50 / +24.00 | 45.5 / 30.0 "
                + "| 3,500.0 / 3,600.0 | 900 | 812 | 10796 | 4 |");
    }

    @Test
    void requestCellsAreNotStreams() {
        assertThat(StreamTable.isStream(ResultsTable.parse("{\"target_rate\":1000.0,\"rps\":990.0,\"p50_ms\":1501.0}"))).isFalse();
    }
}
