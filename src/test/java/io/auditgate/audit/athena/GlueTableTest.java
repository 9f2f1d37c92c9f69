package io.auditgate.audit.athena;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One source of truth for the auditors' tables (issue 19, blocker 2): every DDL file in audit-schema/athena/ is a
 * Glue table of the CloudFormation stack with the same name, columns, partitions, location and table properties,
 * the stack creates no other table, and the Athena queries of the guide read only tables the stack creates.
 */
class GlueTableTest {

    private static final Path DDL_DIR = Path.of("audit-schema/athena");
    /** {@code FROM x} / {@code JOIN x}; CTE names and table functions are filtered out below. */
    private static final Pattern SOURCE = Pattern.compile("(?i)\\b(?:FROM|JOIN)\\s+([A-Za-z_][A-Za-z0-9_.]*)\\s*(\\()?");
    private static final Pattern CTE = Pattern.compile("(?i)\\b([A-Za-z_][A-Za-z0-9_]*)\\s+AS\\s*\\(");

    private static Map<String, JsonNode> glueTables() throws IOException {
        var template = new ObjectMapper(new YAMLFactory()).readTree(Path.of("cloudformation/auditgate.yaml").toFile());
        var tables = new LinkedHashMap<String, JsonNode>();
        for (var resource : template.get("Resources")) {
            if ("AWS::Glue::Table".equals(resource.path("Type").asText())) {
                var input = resource.get("Properties").get("TableInput");
                tables.put(input.get("Name").asText(), input);
            }
        }
        return tables;
    }

    private static List<HiveDdl> ddls() throws IOException {
        try (Stream<Path> files = Files.list(DDL_DIR)) {
            return files.filter(f -> f.toString().endsWith(".sql")).sorted().map(GlueTableTest::read).toList();
        }
    }

    private static HiveDdl read(Path file) {
        try {
            return HiveDdl.read(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A value of the stack's Fn::Sub in the DDL's spelling: ${bucket}, ${prefix}, and ${dt} for ${!dt}. */
    private static String asDdl(String stackValue) {
        return stackValue.replace("${AuditBucket}", "${bucket}").replace("${AuditPrefix}", "${prefix}").replace("${!", "${");
    }

    private static Map<String, HiveType> columns(JsonNode list) {
        var columns = new LinkedHashMap<String, HiveType>();
        list.forEach(c -> columns.put(c.get("Name").asText(), HiveType.parse(c.get("Type").asText())));
        return columns;
    }

    private static Map<String, HiveType> columns(List<HiveDdl.Column> list) {
        var columns = new LinkedHashMap<String, HiveType>();
        list.forEach(c -> columns.put(c.name(), c.type()));
        return columns;
    }

    private static Map<String, String> strings(JsonNode object, String... without) {
        var values = new LinkedHashMap<String, String>();
        object.properties().forEach(e -> values.put(e.getKey(), asDdl(e.getValue().asText())));
        for (var key : without) {
            values.remove(key);
        }
        return values;
    }

    @Test
    void everyDdlIsAGlueTableOfTheStackWithTheSameNameColumnsPartitionsLocationAndProperties() throws IOException {
        var tables = glueTables();
        var ddls = ddls();

        assertThat(tables.keySet()).containsExactlyInAnyOrderElementsOf(ddls.stream().map(HiveDdl::table).toList());
        for (var ddl : ddls) {
            var table = tables.get(ddl.table());
            var storage = table.get("StorageDescriptor");
            assertThat(columns(storage.get("Columns"))).as(ddl.table()).containsExactlyEntriesOf(columns(ddl.columns()));
            assertThat(columns(table.get("PartitionKeys"))).as(ddl.table()).containsExactlyEntriesOf(columns(ddl.partitions()));
            assertThat(asDdl(storage.get("Location").asText())).as(ddl.table()).isEqualTo(ddl.location());
            assertThat(storage.at("/SerdeInfo/SerializationLibrary").asText()).as(ddl.table()).isEqualTo(ddl.serde());
            assertThat(strings(storage.at("/SerdeInfo/Parameters"))).as(ddl.table()).isEqualTo(ddl.serdeProperties());
            assertThat(strings(table.get("Parameters"), "EXTERNAL")).as(ddl.table()).isEqualTo(ddl.tableProperties());
        }
    }

    @Test
    void theAthenaQueriesReadOnlyTablesTheStackCreates() throws IOException {
        var tables = glueTables().keySet();
        var read = new TreeSet<String>();
        try (Stream<Path> files = Files.list(LocalQueries.DIR)) {
            for (var file : files.filter(f -> f.toString().endsWith(".sql") && !f.toString().endsWith(".duckdb.sql")).toList()) {
                read.addAll(sources(Files.readString(file)));
            }
        }

        assertThat(read).isNotEmpty().allSatisfy(t -> assertThat(tables).contains(t));
    }

    @Test
    void theGuideNamesTheStacksDatabaseAndWorkgroupAndTables() throws IOException {
        var guide = Files.readString(Path.of("docs/auditor-guide.md"));

        assertThat(guide).doesNotContain("--work-group auditors ", "Database=auditgate ");
        assertThat(guide).contains("--work-group <stack>-auditors", "Database=auditgate_audit");
        for (var table : glueTables().keySet()) {
            assertThat(guide).contains("`" + table + "`");
        }
    }

    /** Tables a query reads: FROM/JOIN names that are neither CTEs nor table functions ({@code UNNEST(}). */
    static Set<String> sources(String sql) {
        var ctes = new TreeSet<String>();
        CTE.matcher(sql).results().forEach(m -> ctes.add(m.group(1).toLowerCase()));
        var sources = new TreeSet<String>();
        SOURCE.matcher(sql.replaceAll("--[^\n]*", "")).results()
                .filter(m -> m.group(2) == null && !ctes.contains(m.group(1).toLowerCase()))
                .forEach(m -> sources.add(m.group(1)));
        return sources;
    }
}
