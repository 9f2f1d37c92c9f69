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

    private static List<Path> allQueryFiles() throws IOException {
        try (Stream<Path> files = Files.list(LocalQueries.DIR)) {
            return files.filter(f -> f.toString().endsWith(".sql")).sorted().toList();
        }
    }

    @Test
    void guideShowsEveryQueryFileVerbatim() throws IOException {
        var guide = Files.readString(GUIDE);

        for (var file : allQueryFiles()) {
            var text = Files.readString(file).strip();
            if (!file.getFileName().toString().startsWith("00-")) {
                assertThat(guide).as("%s in the guide", file.getFileName()).contains("```sql\n" + text + "\n```");
            }
            assertThat(guide).contains(file.getFileName().toString());
        }
    }

    @Test
    void guideHasAtLeastEightNumberedAthenaQueries() throws IOException {
        assertThat(LocalQueries.athenaFiles()).extracting(f -> f.getFileName().toString().substring(0, 3))
                .hasSizeGreaterThanOrEqualTo(8).doesNotHaveDuplicates();
    }

    @Test
    void everyQueryFiltersOnTheDtPartition() throws IOException {
        var dtFilter = Pattern.compile("WHERE dt (BETWEEN '\\d{4}-\\d{2}-\\d{2}' AND '\\d{4}-\\d{2}-\\d{2}'|= ')");

        for (var file : allQueryFiles()) {
            if (!file.getFileName().toString().startsWith("00-")) {
                var text = Files.readString(file);
                var selects = Pattern.compile("\\bFROM audit_records\\b").matcher(text).results().count();
                assertThat(dtFilter.matcher(text).results().count()).as("dt filters in %s", file.getFileName())
                        .isEqualTo(selects);
            }
        }
    }

    @Test
    void everyDuckDbVariantHasItsAthenaQuery() throws IOException {
        for (var file : allQueryFiles()) {
            var name = file.getFileName().toString();
            if (name.endsWith(".duckdb.sql") && !name.startsWith("00-")) {
                assertThat(file.resolveSibling(name.replace(".duckdb.sql", ".sql"))).exists();
            }
        }
    }
}
