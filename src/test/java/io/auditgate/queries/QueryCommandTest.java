package io.auditgate.queries;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner's command line and output; AuditorQueriesTest and QueriesAgreeTest (audit/athena) run every query on real segments. */
class QueryCommandTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-12-07");

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return QueryCommand.run(args, TODAY, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String error() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private Path storeWithASegment() throws IOException {
        var hour = Files.createDirectories(dir.resolve("records/dt=2026-12-07/hr=10"));
        Files.write(hour.resolve("local-000000000001-000000000001.jsonl.gz"), new byte[0]);
        return dir;
    }

    @Test
    void everyQueryFileOfTheGuideIsPackagedAndListed() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("docs/auditor-queries/local"))) {
            assertThat(files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".sql"))
                    .map(f -> f.substring(0, f.length() - 4)).sorted())
                    .containsExactlyElementsOf(AuditorQuery.FILES);
        }

        assertThat(run("--list")).isZero();
        assertThat(printed().lines()).hasSize(AuditorQuery.FILES.size())
                .anySatisfy(l -> assertThat(l).startsWith("tenant-requests (from, to, tenant, required): "))
                .anySatisfy(l -> assertThat(l).startsWith("refused-requests (from, to, tenant): "))
                .anySatisfy(l -> assertThat(l).startsWith("chain-continuity (from, to): "));
    }

    @Test
    void queriesAreFoundByNameOrNumber() {
        assertThat(AuditorQuery.named("refused-requests")).map(AuditorQuery::file).contains("02-refused-requests");
        assertThat(AuditorQuery.named("02")).map(AuditorQuery::file).contains("02-refused-requests");
        assertThat(AuditorQuery.named("refused")).isEmpty();
    }

    @Test
    void aBadTenantIdOrDayIsOneLineAndExitStatus2() throws IOException {
        var store = storeWithASegment().toString();
        for (var args : List.of(
                new String[] {"--dir", store, "--query", "refused-requests", "--param", "tenant=Acme Bank"},
                new String[] {"--dir", store, "--query", "refused-requests", "--param", "from=1 Dec"},
                new String[] {"--dir", store, "--query", "refused-requests", "--param", "from=2026-12-08"},
                new String[] {"--dir", store, "--query", "refused-requests", "--param", "colour=red"},
                new String[] {"--dir", store, "--query", "refused-requests", "--param", "to=2026-12-01", "--param", "to=2026-12-02"},
                new String[] {"--dir", store, "--query", "chain-continuity", "--param", "tenant=acme"},
                new String[] {"--dir", store, "--query", "tenant-requests"},
                new String[] {"--dir", store, "--query", "denied"},
                new String[] {"--dir", store},
                new String[] {"--query", "refused-requests"})) {
            err.reset();

            assertThat(run(args)).as(Arrays.toString(args)).isEqualTo(2);
            assertThat(error().lines()).as(Arrays.toString(args)).hasSize(1);
        }
        assertThat(printed()).isEmpty();
    }

    @Test
    void errorsSayWhatIsWrong() throws IOException {
        var store = storeWithASegment().toString();

        run("--dir", store, "--query", "tenant-requests");
        run("--dir", store, "--query", "chain-continuity", "--param", "tenant=acme");
        run("--dir", store, "--query", "refused-requests", "--param", "from=2026-12-08");

        assertThat(error().lines()).containsExactly(
                "tenant-requests needs --param tenant=...",
                "chain-continuity takes no parameter tenant (it takes from, to)",
                "from (2026-12-08) is after to (2026-12-07)");
    }

    @Test
    void aDirectoryThatIsNotAStoreIsNamedAsSuch() throws IOException {
        assertThat(run("--dir", dir.toString(), "--query", "refused-requests")).isEqualTo(2);
        Files.createDirectories(dir.resolve("records"));
        assertThat(run("--dir", dir.toString(), "--query", "refused-requests")).isEqualTo(2);

        assertThat(error().lines()).satisfiesExactly(
                l -> assertThat(l).contains("is not an audit store").contains("target/local-audit/store"),
                l -> assertThat(l).contains("holds no segment yet"));
    }

    @Test
    void tablesAlignColumnsAndNeverPrintControlCharacters() {
        var table = new ResultTable(List.of("tenant", "requests"),
                List.of(Arrays.asList("acme-bank", "12"), Arrays.asList("evil\u001b[2Jx", null)));

        table.printTable(new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(printed().lines()).containsExactly(
                "tenant    | requests",
                "----------|---------",
                "acme-bank | 12",
                "evil\uFFFD[2Jx |",
                "(2 rows)");
    }

    @Test
    void csvQuotesCommasAndQuotesAndDefusesFormulas() {
        var table = new ResultTable(List.of("principal", "findings", "missing"),
                List.of(Arrays.asList("=HYPERLINK(\"x\")", "EMAIL/MASK, PHONE/MASK", "-1"), Arrays.asList("@sum", null, "2")));

        table.printCsv(new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(printed()).isEqualTo("principal,findings,missing\r\n"
                + "\"'=HYPERLINK(\"\"x\"\")\",\"EMAIL/MASK, PHONE/MASK\",-1\r\n"
                + "'@sum,,2\r\n");
    }
}
