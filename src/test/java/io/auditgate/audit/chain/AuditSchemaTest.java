package io.auditgate.audit.chain;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Pins the audit-schema/ files to what the chain classes actually write. */
class AuditSchemaTest {

    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00.250Z");

    private static JsonSchema schema(String file) throws IOException {
        var config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        try (var in = Files.newInputStream(Path.of("audit-schema", file))) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
        }
    }

    private static Set<ValidationMessage> validate(String file, JsonObject json) throws IOException {
        return schema(file).validate(CanonicalJson.text(json), InputFormat.JSON);
    }

    @Test
    void sealedServedRecordMatchesTheRecordSchema() throws IOException {
        var sealed = RecordChain.start("i-0abc123").seal(SampleRecords.served(1, T0));

        assertThat(validate("audit-record.v1.schema.json", sealed)).isEmpty();
    }

    @Test
    void sealedRefusedRecordWithoutTenantMatchesTheRecordSchema() throws IOException {
        var sealed = RecordChain.resume("i-0abc123", 41, "ef".repeat(32)).seal(SampleRecords.refused(T0));

        assertThat(validate("audit-record.v1.schema.json", sealed)).isEmpty();
    }

    @Test
    void recordSchemaRefusesUnknownMembersAtAnyLevel() throws IOException {
        var sealed = RecordChain.start("i-1").seal(SampleRecords.served(1, T0));
        var extraTop = Json.createObjectBuilder(sealed).add("prompt_raw", "x").build();
        var extraNested = Json.createObjectBuilder(sealed).add("principal", Json.createObjectBuilder()
                .add("type", "api_key").add("id", "k").add("secret", "s")).build();

        assertThat(validate("audit-record.v1.schema.json", extraTop)).isNotEmpty();
        assertThat(validate("audit-record.v1.schema.json", extraNested)).isNotEmpty();
    }

    @Test
    void recordSchemaRequiresTheChain() throws IOException {
        assertThat(validate("audit-record.v1.schema.json", SampleRecords.served(1, T0))).isNotEmpty();
    }

    @Test
    void signedDigestsMatchTheDigestSchemaWithAndWithoutSegments() throws IOException {
        var signer = DigestSigner.generate();
        var chain = RecordChain.start("i-0abc123");
        var segment = Segment.of(List.of(chain.seal(SampleRecords.served(1, T0)),
                chain.seal(SampleRecords.served(2, T0.plusSeconds(3)))));
        var digests = DigestChain.start("audit", "i-0abc123", signer, T0);
        var first = digests.next(T0.plusSeconds(900), List.of(segment.entry("audit")));
        var idle = digests.next(T0.plusSeconds(1800), List.of());

        assertThat(validate("digest.v1.schema.json", first.digest().toJson())).isEmpty();
        assertThat(validate("digest.v1.schema.json", idle.digest().toJson())).isEmpty();
        var unsigned = Json.createObjectBuilder(idle.digest().toJson()).remove("signature").build();
        assertThat(validate("digest.v1.schema.json", unsigned)).isNotEmpty();
    }

    @Test
    void aCleanEndDigestMatchesTheDigestSchema() throws IOException {
        var end = DigestChain.start("audit", "i-0abc123", DigestSigner.generate(), T0).end(T0.plusSeconds(60), List.of(), 0);

        assertThat(end.digest().toJson().getJsonObject("chain_end").getJsonNumber("last_seq").longValue()).isZero();
        assertThat(validate("digest.v1.schema.json", end.digest().toJson())).isEmpty();
    }
}
