package io.auditgate.audit.athena;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditgate.queries.QueryCommand;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The query runner (target/auditgate-queries.jar) and {@link AuditorQueriesTest} run the same files
 * (docs/auditor-queries/local/); this checks what only the runner adds: its {@code --param} values are bound as the
 * variables {@link LocalQueries#set} sets, its defaults, and its CSV carries the rows the file returns directly.
 */
class QueriesAgreeTest {

    private static final LocalDate TODAY = LocalDate.parse("2025-03-02");

    @TempDir
    Path store;

    @TempDir
    Path output;

    private LocalQueries direct;

    @BeforeEach
    void writeTheTrail() throws IOException, SQLException {
        SampleTrail.write(store, SampleTrail.segments());
        direct = LocalQueries.over(store);
    }

    @AfterEach
    void closeDuckDb() throws SQLException {
        direct.close();
    }

    /** The runner's CSV rows, read back by DuckDB, as LocalQueries prints rows ("a | null | b"). */
    private List<String> runner(String query, String... params) throws IOException, SQLException {
        var args = new ArrayList<>(List.of("--dir", store.toString(), "--query", query, "--csv"));
        Stream.of(params).forEach(p -> args.addAll(List.of("--param", p)));
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();

        var status = QueryCommand.run(args.toArray(String[]::new), TODAY, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(err.toString(StandardCharsets.UTF_8)).as(query).isEmpty();
        assertThat(status).as(query).isZero();
        var csv = Files.write(output.resolve(query + ".csv"), out.toByteArray());
        return direct.rows("SELECT * FROM read_csv('" + csv.toAbsolutePath().toString().replace("'", "''")
                + "', header = true, all_varchar = true, delim = ',', quote = '\"', escape = '\"')");
    }

    /** The file's rows run directly; CSV prints an empty string and null alike, so "" reads as "null" here too. */
    private List<String> direct(String number) throws IOException, SQLException {
        return direct.run(number).stream().map(row -> Arrays.stream(row.split(" \\| ", -1))
                .map(cell -> cell.isEmpty() ? "null" : cell).collect(Collectors.joining(" | "))).toList();
    }

    @Test
    void theRunnerPrintsTheRowsOfEveryFileRunDirectlyWithTheSameValues() throws IOException, SQLException {
        direct.set("2025-03-02", "2025-03-02", "acme-bank");
        assertThat(runner("01", "tenant=acme-bank", "from=2025-03-02", "to=2025-03-02"))
                .hasSize(7).containsExactlyElementsOf(direct("01"));

        direct.set("2025-03-01", "2025-03-02", null);
        for (var number : List.of("02", "03", "04", "05", "06", "07", "08")) {
            assertThat(runner(number, "from=2025-03-01", "to=2025-03-02")).as(number)
                    .containsExactlyElementsOf(direct(number));
        }
    }

    @Test
    void aTenantGivenToTheRunnerIsBoundAsTheTenantVariable() throws IOException, SQLException {
        direct.set("2025-03-01", "2025-03-02", "globex-insurance");

        assertThat(runner("refused-requests", "from=2025-03-01", "to=2025-03-02", "tenant=globex-insurance"))
                .hasSize(3).containsExactlyElementsOf(direct("02"));
    }

    @Test
    void withoutAPeriodTheRunnerCoversTodayUtc() throws IOException, SQLException {
        direct.set(TODAY.toString(), TODAY.toString(), null);

        assertThat(runner("tokens-per-tenant-per-day"))
                .hasSize(2).allSatisfy(row -> assertThat(row).contains(" | 2025-03-02 | "))
                .containsExactlyElementsOf(direct("05"));
    }
}
