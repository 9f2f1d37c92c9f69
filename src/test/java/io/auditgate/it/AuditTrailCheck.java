package io.auditgate.it;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.auditgate.audit.chain.Segment;
import io.auditgate.verifier.Verifier;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Reads the audit trail the gateway under test wrote (a local store with the S3 layout) and checks it. */
final class AuditTrailCheck {

    static final Path ROOT = Path.of(System.getProperty("it.audit.dir"));
    static final Path STORE = ROOT.resolve("store");

    private AuditTrailCheck() {
    }

    static List<JsonObject> records() throws IOException {
        var records = new ArrayList<JsonObject>();
        var dir = STORE.resolve("records");
        if (!Files.exists(dir)) {
            return records;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (var file : files.filter(f -> f.toString().endsWith(".jsonl.gz")).toList()) {
                records.addAll(Segment.read(Files.readAllBytes(file)).records());
            }
        }
        return records;
    }

    /** Every file of the journal directory as text: segments, begin entries, state. */
    static String journalText() throws IOException {
        var text = new StringBuilder();
        try (Stream<Path> files = Files.walk(ROOT.resolve("journal"))) {
            for (var file : files.filter(Files::isRegularFile).toList()) {
                text.append(new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1));
            }
        }
        return text.toString();
    }

    private static JsonSchema schema;

    static synchronized Set<ValidationMessage> schemaErrors(JsonObject record) throws IOException {
        if (schema == null) {
            var config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            try (var in = Files.newInputStream(Path.of("audit-schema", "audit-record.v1.schema.json"))) {
                schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
            }
        }
        return schema.validate(record.toString(), InputFormat.JSON);
    }

    /** Runs the verifier on the store: exit status and its output. */
    /** Runs the verifier on the store of the gateway, which is still running: its chain is open, not a finding. */
    static Verification verify() {
        return runVerifier("--dir", STORE.toString(), "--public-key",
                ROOT.resolve("journal").resolve("digest-public-key.pem").toString(), "--allow-open-chains");
    }

    /** Runs the verifier with these arguments, in this JVM: exit status and what it printed. */
    static Verification runVerifier(String... args) {
        var out = new ByteArrayOutputStream();
        var status = Verifier.run(args, new PrintStream(out), new PrintStream(out));
        return new Verification(status, out.toString());
    }

    record Verification(int status, String output) {
    }
}
