package io.auditgate.audit.athena;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.auditgate.audit.chain.RecordChain;
import io.auditgate.audit.chain.SampleRecords;
import io.auditgate.audit.chain.Segment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Pins the Athena tables in audit-schema/athena/ to the JSON Schemas of what the gateway writes. */
class AthenaDdlTest {

    private static final Path RECORDS_DDL = Path.of("audit-schema/athena/audit_records.sql");
    private static final Path DIGESTS_DDL = Path.of("audit-schema/athena/audit_digests.sql");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode schema(String file) throws IOException {
        return JSON.readTree(Path.of("audit-schema", file).toFile());
    }

    private static HiveType struct(Object... nameTypePairs) {
        var fields = new LinkedHashMap<String, HiveType>();
        for (int i = 0; i < nameTypePairs.length; i += 2) {
            fields.put((String) nameTypePairs[i], (HiveType) nameTypePairs[i + 1]);
        }
        return new HiveType.Struct(fields);
    }

    private static HiveType.Primitive primitive(String name) {
        return new HiveType.Primitive(name);
    }

    @Test
    void everyRecordSchemaMemberIsAColumnOfACompatibleType() throws IOException {
        var ddl = HiveDdl.read(RECORDS_DDL);

        assertThat(SchemaMatch.differences(schema("audit-record.v1.schema.json"), ddl.row())).isEmpty();
        assertThat(ddl.columns()).extracting(HiveDdl.Column::name).containsExactly("schema_version", "record_id",
                "times", "tenant", "principal", "client", "model", "inference", "request", "response", "guardrails",
                "usage", "latency_ms", "outcome", "metadata", "gateway", "policy_sha256", "stream", "policy_version", "api", "quota", "chain");
    }

    @Test
    void everyDigestSchemaMemberIsAColumnOfACompatibleType() throws IOException {
        var ddl = HiveDdl.read(DIGESTS_DDL);

        assertThat(SchemaMatch.differences(schema("digest.v1.schema.json"), ddl.row())).isEmpty();
    }

    @Test
    void aMemberAddedToTheSchemaButNotToTheDdlIsReported() throws IOException {
        var schema = (ObjectNode) schema("audit-record.v1.schema.json");
        ((ObjectNode) schema.get("properties")).putObject("cost_usd").put("type", "number");
        ((ObjectNode) schema.at("/properties/times/properties")).putObject("queued").put("$ref", "#/$defs/instant");
        ((ObjectNode) schema.at("/$defs/findings/items/properties")).putObject("score").put("type", "number");

        var differences = SchemaMatch.differences(schema, HiveDdl.read(RECORDS_DDL).row());

        assertThat(differences).containsExactlyInAnyOrder(
                "cost_usd: in the schema, missing from the DDL",
                "times.queued: in the schema, missing from the DDL",
                "guardrails.input.findings[].score: in the schema, missing from the DDL",
                "guardrails.output.findings[].score: in the schema, missing from the DDL",
                "guardrails.bedrock.findings[].score: in the schema, missing from the DDL");
    }

    @Test
    void aColumnOfAnIncompatibleTypeOrUnknownToTheSchemaIsReported() throws IOException {
        var text = Files.readString(RECORDS_DDL)
                .replace("seq: bigint", "seq: string")
                .replace("temperature: double", "temperature: int")
                .replace("metadata map<string,string>", "metadata struct<`case`: string>")
                .replace("  policy_sha256 string,", "  policy_sha256 string,\n  prompt_raw string,");

        var differences = SchemaMatch.differences(schema("audit-record.v1.schema.json"), HiveDdl.parse(text).row());

        assertThat(differences).containsExactlyInAnyOrder(
                "chain.seq: schema integer, DDL string",
                "inference.temperature: schema number, DDL int",
                "metadata: schema object (string map), DDL struct<...>",
                "prompt_raw: in the DDL, not in the schema");
    }

    @Test
    void parserReadsNestedTypesQuotedNamesAndParameters() {
        var type = HiveType.parse("struct<`type`:string, Items : array<struct<`count`:int>>,"
                + " m:map<string,array<bigint>>, amount:decimal(10,2) COMMENT 'in EUR'>");

        assertThat(type).isEqualTo(struct(
                "type", primitive("string"),
                "items", new HiveType.Array(struct("count", primitive("int"))),
                "m", new HiveType.MapType(primitive("string"), new HiveType.Array(primitive("bigint"))),
                "amount", primitive("decimal(10,2)")));
        assertThat(type.toDuckDb()).isEqualTo(
                "STRUCT(\"type\" VARCHAR, \"items\" STRUCT(\"count\" INTEGER)[], \"m\" MAP(VARCHAR, BIGINT[]),"
                        + " \"amount\" DECIMAL(10,2))");
    }

    @Test
    void parserRefusesWhatHiveWouldRefuse() {
        assertThatThrownBy(() -> HiveType.parse("struct<a:string")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HiveType.parse("array<strin>")).hasMessageContaining("not a Hive type: strin");
        assertThatThrownBy(() -> HiveType.parse("struct<a:int, a:int>")).hasMessageContaining("appears twice");
        assertThatThrownBy(() -> HiveType.parse("map<string>")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HiveDdl.parse("CREATE EXTERNAL TABLE t (a string) CLUSTERED BY (a)"))
                .hasMessageContaining("unknown clause");
    }

    @Test
    void recordsArePartitionedByProjectedDateAndHour() throws IOException {
        var ddl = HiveDdl.read(RECORDS_DDL);

        assertThat(ddl.partitions()).containsExactly(new HiveDdl.Column("dt", primitive("string")),
                new HiveDdl.Column("hr", primitive("int")));
        assertThat(ddl.tableProperties()).contains(
                Map.entry("projection.enabled", "true"),
                Map.entry("projection.dt.type", "date"),
                Map.entry("projection.dt.format", "yyyy-MM-dd"),
                Map.entry("projection.dt.range", "2025-01-01,NOW"),
                Map.entry("projection.dt.interval", "1"),
                Map.entry("projection.dt.interval.unit", "DAYS"),
                Map.entry("projection.hr.type", "integer"),
                Map.entry("projection.hr.range", "0,23"),
                Map.entry("projection.hr.digits", "2"));
    }

    @Test
    void locationTemplateNamesTheFoldersTheShipperWritesTo() throws IOException {
        var ddl = HiveDdl.read(RECORDS_DDL);
        var chain = RecordChain.start("i-0abc123");
        var segment = Segment.of(List.of(chain.seal(SampleRecords.served(1, Instant.parse("2025-03-02T07:05:00Z")))));
        var key = segment.key("auditgate").key();

        var folder = ddl.tableProperties().get("storage.location.template")
                .replace("${bucket}", "audit-bucket").replace("${prefix}", "auditgate")
                .replace("${dt}", "2025-03-02").replace("${hr}", String.format("%02d", 7));

        assertThat(folder + "/").isEqualTo("s3://audit-bucket/" + key.substring(0, key.lastIndexOf('/') + 1));
        assertThat(ddl.location()).isEqualTo("s3://${bucket}/${prefix}/records/");
        assertThat(folder).startsWith(ddl.location().replace("${bucket}", "audit-bucket")
                .replace("${prefix}", "auditgate"));
    }

    @Test
    void digestsArePartitionedByProjectedDateUnderTheDigestsFolder() throws IOException {
        var ddl = HiveDdl.read(DIGESTS_DDL);

        assertThat(ddl.partitions()).containsExactly(new HiveDdl.Column("dt", primitive("string")));
        assertThat(ddl.location()).isEqualTo("s3://${bucket}/${prefix}/digests/");
        assertThat(ddl.tableProperties()).contains(Map.entry("projection.dt.type", "date"),
                Map.entry("storage.location.template", "s3://${bucket}/${prefix}/digests/dt=${dt}"));
    }

    @Test
    void tablesUseAJsonSerDeThatFailsOnMalformedLines() throws IOException {
        for (var file : List.of(RECORDS_DDL, DIGESTS_DDL)) {
            var ddl = HiveDdl.read(file);

            assertThat(ddl.serde()).isEqualTo("org.openx.data.jsonserde.JsonSerDe");
            assertThat(ddl.serdeProperties()).containsEntry("ignore.malformed.json", "false");
        }
    }

    @Test
    void theOnlyDeployTimePlaceholdersAreBucketAndPrefix() throws IOException {
        for (var file : List.of(RECORDS_DDL, DIGESTS_DDL)) {
            var ddl = HiveDdl.read(file);
            var placeholders = Pattern.compile("\\$\\{([^}]*)}").matcher(ddl.location() + " "
                    + String.join(" ", ddl.tableProperties().values())).results().map(m -> m.group(1)).distinct();

            var expected = new ArrayList<>(List.of("bucket", "prefix"));
            ddl.partitions().forEach(partition -> expected.add(partition.name()));

            assertThat(placeholders).containsExactlyInAnyOrderElementsOf(expected);
        }
    }
}
