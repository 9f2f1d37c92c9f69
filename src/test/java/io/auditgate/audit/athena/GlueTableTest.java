package io.auditgate.audit.athena;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Glue table the CloudFormation stack creates has exactly the columns and partitions of the Athena DDL. */
class GlueTableTest {

    private static JsonNode glueTable() throws Exception {
        var template = new ObjectMapper(new YAMLFactory()).readTree(Path.of("cloudformation/auditgate.yaml").toFile());
        for (var resource : template.get("Resources")) {
            if ("AWS::Glue::Table".equals(resource.path("Type").asText())) {
                return resource.get("Properties").get("TableInput");
            }
        }
        throw new AssertionError("no AWS::Glue::Table in the template");
    }

    private static Map<String, HiveType> columns(JsonNode list) {
        var columns = new LinkedHashMap<String, HiveType>();
        list.forEach(c -> columns.put(c.get("Name").asText(), HiveType.parse(c.get("Type").asText())));
        return columns;
    }

    private static Map<String, HiveType> columns(java.util.List<HiveDdl.Column> list) {
        var columns = new LinkedHashMap<String, HiveType>();
        list.forEach(c -> columns.put(c.name(), c.type()));
        return columns;
    }

    @Test
    void theStacksGlueTableHasTheColumnsAndPartitionsOfTheDdl() throws Exception {
        var ddl = HiveDdl.read(Path.of("audit-schema/athena/audit_records.sql"));
        var table = glueTable();

        assertThat(columns(table.get("StorageDescriptor").get("Columns"))).containsExactlyEntriesOf(columns(ddl.columns()));
        assertThat(columns(table.get("PartitionKeys"))).containsExactlyEntriesOf(columns(ddl.partitions()));
    }
}
