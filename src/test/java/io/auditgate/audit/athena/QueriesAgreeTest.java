package io.auditgate.audit.athena;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditgate.audit.chain.Segment;
import io.auditgate.queries.QueryCommand;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The query runner (target/auditgate-queries.jar) runs every parameterised query of docs/auditor-queries/local on
 * real segments and returns, for the tenant and days of the guide, exactly the rows of the guide's DuckDB query.
 */
class QueriesAgreeTest {

    private static final LocalDate TODAY = LocalDate.parse("2025-03-02");

    @TempDir
    Path store;

    private List<Segment> segments;
    private LocalQueries documented;

    @BeforeEach
    void writeTheTrail() throws IOException, SQLException {
        segments = SampleTrail.segments();
        SampleTrail.write(store, segments);
        documented = LocalQueries.over(store);
    }

    @AfterEach
    void closeDuckDb() throws SQLException {
        documented.close();
    }

    /** The runner's CSV rows in the form LocalQueries prints them ("a | null | b"), header dropped. */
    private List<String> runner(String query, String... params) {
        var args = new ArrayList<>(List.of("--dir", store.toString(), "--query", query, "--csv"));
        Stream.of(params).forEach(p -> args.addAll(List.of("--param", p)));
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();

        var status = QueryCommand.run(args.toArray(String[]::new), TODAY, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(err.toString(StandardCharsets.UTF_8)).as(query).isEmpty();
        assertThat(status).as(query).isZero();
        return out.toString(StandardCharsets.UTF_8).lines().skip(1).map(QueriesAgreeTest::asDocumentedRow).toList();
    }

    private static String asDocumentedRow(String csvLine) {
        var cells = new ArrayList<String>();
        var cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csvLine.length(); i++) {
            char c = csvLine.charAt(i);
            if (quoted && c == '"' && i + 1 < csvLine.length() && csvLine.charAt(i + 1) == '"') {
                cell.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return String.join(" | ", cells.stream().map(v -> v.isEmpty() ? "null" : v).toList());
    }

    private List<String> documented(String number) throws IOException, SQLException {
        // an empty string and null print alike in CSV; the documented rows say "null" for both
        return documented.run(number).stream().map(r -> r.replace(" |  |", " | null |").replaceAll(" \\| $", " | null"))
                .toList();
    }

    @Test
    void tenantRequestsOfADayAreTheGuidesQuery1() throws IOException, SQLException {
        assertThat(documented("01")).hasSize(7);
        assertThat(runner("tenant-requests", "tenant=acme-bank", "from=2025-03-02", "to=2025-03-02"))
                .containsExactlyElementsOf(documented("01"));
    }

    @Test
    void everyOtherQueryOverTheGuidesTwoDaysIsTheGuidesQuery() throws IOException, SQLException {
        var names = List.of("refused-requests", "redactions-by-type", "requests-per-model-and-principal",
                "tokens-per-tenant-per-day", "latency-percentiles", "guardrail-interventions", "chain-continuity");
        for (int i = 0; i < names.size(); i++) {
            var number = String.format("%02d", i + 2);

            assertThat(runner(names.get(i), "from=2025-03-01", "to=2025-03-02")).as(names.get(i))
                    .containsExactlyElementsOf(documented(number));
        }
    }

    @Test
    void chainContinuityFindsTheGapOfADeletedRecord() throws IOException, SQLException {
        SampleTrail.removeRecord(store, segments.get(1), 11);

        assertThat(runner("chain-continuity", "from=2025-03-01", "to=2025-03-02")).hasSize(1)
                .containsExactlyElementsOf(documented("08"));
    }

    @Test
    void aTenantNarrowsTheRowsToThatTenant() throws IOException, SQLException {
        assertThat(runner("refused-requests", "from=2025-03-01", "to=2025-03-02", "tenant=globex-insurance"))
                .containsExactlyElementsOf(documented("02").stream().filter(r -> r.contains("globex-insurance")).toList())
                .hasSize(3);
    }

    @Test
    void withoutAPeriodTheQueryCoversTodayUtc() throws IOException, SQLException {
        assertThat(runner("tokens-per-tenant-per-day"))
                .containsExactlyElementsOf(documented("05").stream().filter(r -> r.contains(" | 2025-03-02 | ")).toList())
                .hasSize(2);
    }
}
