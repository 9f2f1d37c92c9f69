package io.auditgate.audit.athena;

import static io.auditgate.audit.athena.SampleTrail.HAIKU;
import static io.auditgate.audit.athena.SampleTrail.SONNET;
import static io.auditgate.audit.athena.SampleTrail.TITAN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import io.auditgate.audit.chain.CanonicalJson;
import io.auditgate.audit.chain.RecordHash;
import io.auditgate.audit.chain.Segment;
import jakarta.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
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
 * Runs every auditor query's DuckDB text (docs/auditor-queries/local/, the files the query runner runs) over real
 * gzip JSON Lines segments (the {@link SampleTrail}, sealed and keyed as the gateway ships them) and checks the rows
 * it returns for the values the guide uses: the UTC days 2025-03-01 to 2025-03-02 and every tenant, or for query 1
 * acme-bank on 2025-03-02.
 */
class AuditorQueriesTest {

    private static final String ACME = "acme-bank";
    private static final String GLOBEX = "globex-insurance";
    private static final String ALICE = "alice@acme-bank.example";
    private static final String FIRST_DAY = "2025-03-01";
    private static final String LAST_DAY = "2025-03-02";

    @TempDir
    Path store;

    private List<Segment> segments;
    private LocalQueries queries;

    @BeforeEach
    void writeTheTrailAndOpenDuckDb() throws IOException, SQLException {
        segments = SampleTrail.segments();
        SampleTrail.write(store, segments);
        queries = LocalQueries.over(store);
        queries.set(FIRST_DAY, LAST_DAY, null);
    }

    @AfterEach
    void closeDuckDb() throws SQLException {
        queries.close();
    }

    private static String row(Object... values) {
        return Arrays.stream(values).map(String::valueOf).collect(Collectors.joining(" | "));
    }

    @Test
    void sampleTrailIsFortyValidRecordsInSevenSegmentsWithTheShippersKeys() throws IOException {
        var config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        try (var in = Files.newInputStream(Path.of("audit-schema/audit-record.v1.schema.json"))) {
            var schema = factory.getSchema(in, config);
            segments.stream().flatMap(s -> s.records().stream()).forEach(record ->
                    assertThat(schema.validate(CanonicalJson.text(record), InputFormat.JSON)).isEmpty());
        }
        try (Stream<Path> files = Files.walk(store)) {
            assertThat(files.filter(Files::isRegularFile).map(f -> store.relativize(f).toString()).sorted())
                    .containsExactly(
                            "records/dt=2025-03-01/hr=10/i-0aaa1111-000000000001-000000000008.jsonl.gz",
                            "records/dt=2025-03-01/hr=10/i-0bbb2222-000000000001-000000000006.jsonl.gz",
                            "records/dt=2025-03-01/hr=11/i-0aaa1111-000000000009-000000000014.jsonl.gz",
                            "records/dt=2025-03-01/hr=11/i-0bbb2222-000000000007-000000000012.jsonl.gz",
                            "records/dt=2025-03-01/hr=23/i-0aaa1111-000000000015-000000000017.jsonl.gz",
                            "records/dt=2025-03-02/hr=09/i-0aaa1111-000000000018-000000000022.jsonl.gz",
                            "records/dt=2025-03-02/hr=09/i-0bbb2222-000000000013-000000000018.jsonl.gz");
        }
    }

    @Test
    void localViewHasTheColumnsAndTypesOfTheAthenaTable() throws IOException, SQLException {
        var ddl = HiveDdl.read(Path.of("audit-schema/athena/audit_records.sql"));
        var columns = new ArrayList<String>();
        ddl.columns().forEach(c -> columns.add("\"" + c.name() + "\" " + c.type().toDuckDb()));
        columns.add("filename VARCHAR");
        ddl.partitions().forEach(c -> columns.add("\"" + c.name() + "\" " + c.type().toDuckDb()));
        queries.execute("CREATE TABLE athena_shape (" + String.join(", ", columns) + ")");

        assertThat(queries.rows("SELECT column_name, column_type FROM (DESCRIBE audit_records)"))
                .containsExactlyElementsOf(queries.rows("SELECT column_name, column_type FROM (DESCRIBE athena_shape)"));
    }

    @Test
    void viewReadsEveryRecordOnceWithItsPartition() throws SQLException {
        assertThat(queries.rows("SELECT count(*), count(DISTINCT record_id) FROM audit_records"))
                .containsExactly("40 | 40");
        assertThat(queries.rows("SELECT dt, hr, count(*) FROM audit_records GROUP BY 1, 2 ORDER BY 1, 2"))
                .containsExactly("2025-03-01 | 10 | 14", "2025-03-01 | 11 | 12", "2025-03-01 | 23 | 3",
                        "2025-03-02 | 9 | 11");
    }

    @Test
    void everyQueryRunsLocally() throws IOException, SQLException {
        queries.set(FIRST_DAY, LAST_DAY, ACME);
        var files = LocalQueries.localFiles();

        assertThat(files).hasSizeGreaterThanOrEqualTo(8);
        for (var file : files) {
            assertThat(queries.rows(Files.readString(file))).as(file.toString()).isNotNull();
        }
    }

    @Test
    void athenaTextsInTheSqlOfBothEnginesReturnTheRowsOfTheirLocalTwin() throws IOException, SQLException {
        for (var number : List.of("02", "04", "05")) {
            var athena = LocalQueries.athenaFiles().stream()
                    .filter(f -> f.getFileName().toString().startsWith(number + "-")).findFirst().orElseThrow();

            assertThat(queries.rows(Files.readString(athena))).as(athena.toString())
                    .isNotEmpty().containsExactlyElementsOf(queries.run(number));
        }
    }

    @Test
    void aTenantNarrowsTheRowsToThatTenant() throws IOException, SQLException {
        queries.set(FIRST_DAY, LAST_DAY, GLOBEX);

        assertThat(queries.run("02")).containsExactly(
                row(403, "model-not-allowed", GLOBEX, 2),
                row(422, "prompt-blocked", GLOBEX, 2),
                row(504, "model-timeout", GLOBEX, 1));
    }

    @Test
    void query01ListsATenantsRequestsOfTheDayIncludingThoseFiledUnderThePreviousDay()
            throws IOException, SQLException {
        queries.set(LAST_DAY, LAST_DAY, ACME);

        assertThat(queries.run("01")).containsExactly(
                row("req-016", "2025-03-02T00:01:10Z", "api_key", "key-a1", HAIKU, 200, null, "redacted", 127),
                row("req-018", "2025-03-02T09:00:00Z", "jwt", ALICE, SONNET, 200, null, "allowed", 430),
                row("req-035", "2025-03-02T09:02:00Z", "api_key", "key-a1", HAIKU, 200, null, "allowed", 120),
                row("req-036", "2025-03-02T09:12:00Z", "jwt", ALICE, SONNET, 200, null, "allowed", 393),
                row("req-021", "2025-03-02T09:20:00Z", "api_key", "key-a1", HAIKU, 200, null, "allowed", 113),
                row("req-039", "2025-03-02T09:42:00Z", "api_key", "key-a1", HAIKU, 503, "model-unavailable",
                        "allowed", null),
                row("req-040", "2025-03-02T09:52:00Z", "api_key", "key-a1", HAIKU, 200, null, "allowed", 117));
    }

    @Test
    void query02CountsRefusedRequestsByStatusProblemAndTenant() throws IOException, SQLException {
        assertThat(queries.run("02")).containsExactly(
                row(401, "unauthenticated", "(unauthenticated)", 3),
                row(403, "model-not-allowed", GLOBEX, 2),
                row(422, "prompt-blocked", GLOBEX, 2),
                row(429, "throttled", ACME, 1),
                row(503, "model-unavailable", ACME, 1),
                row(504, "model-timeout", GLOBEX, 1));
    }

    @Test
    void query03CountsMaskedPiiByStageTenantAndType() throws IOException, SQLException {
        assertThat(queries.run("03")).containsExactly(
                row("input", ACME, "CREDIT_DEBIT_CARD_NUMBER", 3, 2),
                row("input", ACME, "EMAIL", 5, 4),
                row("input", ACME, "PHONE", 1, 1),
                row("input", GLOBEX, "EMAIL", 1, 1),
                row("output", GLOBEX, "EMAIL", 1, 1));
    }

    @Test
    void query04CountsRequestsPerPrincipalAndModel() throws IOException, SQLException {
        assertThat(queries.run("04")).containsExactly(
                row(ACME, "api_key", "key-a1", TITAN, 1, 0),
                row(ACME, "api_key", "key-a1", HAIKU, 13, 2),
                row(ACME, "jwt", ALICE, SONNET, 7, 0),
                row(GLOBEX, "api_key", "key-g1", TITAN, 6, 0),
                row(GLOBEX, "api_key", "key-g1", SONNET, 2, 2),
                row(GLOBEX, "api_key", "key-g1", HAIKU, 8, 3),
                row(null, "none", null, null, 3, 3));
    }

    @Test
    void query05SumsTokensPerTenantAndDayOfReceipt() throws IOException, SQLException {
        assertThat(queries.run("05")).containsExactly(
                row(ACME, "2025-03-01", 14, 2285, 642, 2927),
                row(ACME, "2025-03-02", 7, 1013, 287, 1300),
                row(GLOBEX, "2025-03-01", 11, 480, 88, 568),
                row(GLOBEX, "2025-03-02", 5, 247, 45, 292));
    }

    @Test
    void query06GivesTheMedianAndP95LatencyPerModel() throws IOException, SQLException {
        var rows = queries.run("06").stream().map(r -> r.split(" \\| ")).toList();

        assertThat(rows).extracting(r -> r[0] + " | " + r[1] + " | " + r[4]).containsExactly(
                row(TITAN, 7, 330), row(SONNET, 7, 1500), row(HAIKU, 16, 650));
        assertThat(rows).extracting(r -> Double.parseDouble(r[2]))
                .satisfiesExactly(p50 -> assertThat(p50).isCloseTo(305.0, within(1e-9)),
                        p50 -> assertThat(p50).isCloseTo(1200.0, within(1e-9)),
                        p50 -> assertThat(p50).isCloseTo(407.5, within(1e-9)));
        assertThat(rows).extracting(r -> Double.parseDouble(r[3]))
                .satisfiesExactly(p95 -> assertThat(p95).isCloseTo(327.0, within(1e-9)),
                        p95 -> assertThat(p95).isCloseTo(1440.0, within(1e-9)),
                        p95 -> assertThat(p95).isCloseTo(612.5, within(1e-9)));
    }

    @Test
    void query07ListsFlaggedBlockedAndBedrockStoppedRequestsWithFindingTypes() throws IOException, SQLException {
        assertThat(queries.run("07")).containsExactly(
                row("req-028", "2025-03-01T10:51:00Z", GLOBEX, HAIKU, 422, "blocked",
                        "PROMPT_INJECTION.INSTRUCTION_OVERRIDE/BLOCK, PROMPT_INJECTION.SYSTEM_PROMPT_EXTRACTION/BLOCK",
                        null, null, null),
                row("req-010", "2025-03-01T11:07:30Z", GLOBEX, HAIKU, 422, "blocked",
                        "US_SOCIAL_SECURITY_NUMBER/BLOCK", null, null, null),
                row("req-011", "2025-03-01T11:12:00Z", ACME, SONNET, 200, "flagged", "PROMPT_INJECTION/FLAG",
                        "allowed", null, null),
                row("req-014", "2025-03-01T11:48:00Z", GLOBEX, HAIKU, 200, "allowed", "", "allowed",
                        "GUARDRAIL_INTERVENED", "CUSTOM_WORD/BLOCKED"),
                row("req-038", "2025-03-02T09:32:00Z", GLOBEX, HAIKU, 200, "allowed", "", "allowed",
                        "GUARDRAIL_INTERVENED", "PROMPT_ATTACK/BLOCKED"));
    }

    @Test
    void query08FindsNothingOnAnUnbrokenChain() throws IOException, SQLException {
        assertThat(queries.run("08")).isEmpty();
    }

    @Test
    void query08FindsTheGapWhereARecordWasDeletedFromASegment() throws IOException, SQLException {
        var a2 = segments.get(1);
        SampleTrail.removeRecord(store, a2, 11);

        assertThat(queries.run("08")).singleElement().satisfies(found -> assertThat(found)
                .startsWith(row(SampleTrail.A, 10, 12, "gap", 1, ""))
                .endsWith("records/dt=2025-03-01/hr=11/i-0aaa1111-000000000009-000000000014.jsonl.gz"));
    }

    @Test
    void query08FindsTheBrokenLinkAfterARecordRewrittenWithAFreshHash() throws IOException, SQLException {
        var b1 = segments.get(4);
        var records = new ArrayList<>(b1.records());
        var forged = Json.createObjectBuilder(records.get(2)).add("tenant", GLOBEX).build();
        var rehashed = Json.createObjectBuilder(forged).add("chain", Json.createObjectBuilder(forged.getJsonObject("chain"))
                .add("hash", RecordHash.of(forged))).build();
        records.set(2, rehashed);
        Files.write(store.resolve(b1.key("").relative()), Segment.of(records).gzip());

        assertThat(queries.run("08")).singleElement().satisfies(found -> assertThat(found)
                .startsWith(row(SampleTrail.B, 3, 4, "broken link", 0, ""))
                .endsWith("records/dt=2025-03-01/hr=10/i-0bbb2222-000000000001-000000000006.jsonl.gz"));
    }

    @Test
    void query10ListsRequestsAnsweredByAFallbackWithWhyTheRequestedModelDidNot() throws IOException, SQLException {
        assertThat(queries.run("10")).isEmpty();
        var a4 = segments.get(3);
        var records = new ArrayList<>(a4.records());
        var served = records.get(3);
        var attempts = Json.createArrayBuilder()
                .add(attempt(HAIKU, "throttled", 12, 1)).add(attempt(HAIKU, "throttled", 9, 2))
                .add(attempt(HAIKU, "throttled", 11, 3)).add(attempt(SONNET, "answered", 340, 1));
        records.set(3, Json.createObjectBuilder(served)
                .add("model", Json.createObjectBuilder().add("requested", HAIKU).add("resolved", SONNET).add("attempts", attempts))
                .add("outcome", Json.createObjectBuilder(served.getJsonObject("outcome")).add("attempts", 4))
                .build());
        Files.write(store.resolve(a4.key("").relative()), Segment.of(records).gzip());

        assertThat(queries.run("10")).containsExactly(
                row("req-021", "2025-03-02T09:20:00Z", ACME, HAIKU, SONNET, "throttled", 4, 380));
    }

    private static jakarta.json.JsonObjectBuilder attempt(String model, String outcome, int latency, int number) {
        return Json.createObjectBuilder().add("model", model).add("outcome", outcome).add("latency_ms", latency)
                .add("attempt", number);
    }
}
