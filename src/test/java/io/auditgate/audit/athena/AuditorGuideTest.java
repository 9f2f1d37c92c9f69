package io.auditgate.audit.athena;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Keeps docs/auditor-guide.md and the query files it shows in step. */
class AuditorGuideTest {

    private static final Path GUIDE = Path.of("docs/auditor-guide.md");

    /** Every .sql file: the Athena texts, the local view and the local DuckDB texts. */
    private static List<Path> allQueryFiles() throws IOException {
        try (Stream<Path> files = Stream.concat(Files.list(LocalQueries.DIR), Files.list(LocalQueries.LOCAL_DIR))) {
            return files.filter(f -> f.toString().endsWith(".sql")).sorted().toList();
        }
    }

    private static List<String> names(List<Path> files) {
        return files.stream().map(f -> f.getFileName().toString()).toList();
    }

    @Test
    void guideShowsEveryQueryFileVerbatim() throws IOException {
        var guide = Files.readString(GUIDE);

        for (var file : allQueryFiles()) {
            var text = Files.readString(file).strip();
            var name = LocalQueries.DIR.relativize(file).toString();
            if (!name.startsWith("00-")) {
                assertThat(guide).as("%s in the guide", name).contains("```sql\n" + text + "\n```");
            }
            assertThat(guide).contains(name);
        }
    }

    @Test
    void guideHasAtLeastEightNumberedAthenaQueries() throws IOException {
        assertThat(LocalQueries.athenaFiles()).extracting(f -> f.getFileName().toString().substring(0, 3))
                .hasSizeGreaterThanOrEqualTo(8).doesNotHaveDuplicates();
    }

    @Test
    void everyQueryFiltersOnTheDtPartition() throws IOException {
        var dtFilter = Pattern.compile("WHERE dt (BETWEEN '\\d{4}-\\d{2}-\\d{2}' AND '\\d{4}-\\d{2}-\\d{2}'|= '"
                + "|BETWEEN CAST\\([^\\n]*getvariable\\('from_day'\\)[^\\n]* AND CAST\\(getvariable\\('to_day'\\) AS VARCHAR\\))");

        for (var file : allQueryFiles()) {
            if (!file.getFileName().toString().startsWith("00-")) {
                var text = Files.readString(file);
                var selects = Pattern.compile("\\bFROM audit_records\\b").matcher(text).results().count();
                assertThat(dtFilter.matcher(text).results().count()).as("dt filters in %s", file)
                        .isEqualTo(selects);
            }
        }
    }

    @Test
    void everyAthenaQueryHasItsLocalDuckDbTwinAndNoOtherDuckDbText() throws IOException {
        assertThat(names(LocalQueries.localFiles())).containsExactlyElementsOf(names(LocalQueries.athenaFiles()));
        assertThat(names(allQueryFiles())).filteredOn(name -> name.endsWith(".duckdb.sql"))
                .containsExactly("00-local-view.duckdb.sql");
    }
}
