package io.auditgate.audit.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditgate.audit.chain.CanonicalJson;
import io.auditgate.audit.chain.ChainLink;
import io.auditgate.audit.chain.SampleRecords;
import io.auditgate.audit.chain.SealedRecord;
import io.auditgate.testing.Await;
import jakarta.json.spi.JsonProvider;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;

/** Records, options and the verifier run shared by the store tests. */
final class Fixtures {

    static final String INSTANCE = "i-0test01";
    static final String PREFIX = "auditgate";
    static final Instant T0 = Instant.parse("2025-03-01T09:40:00Z");

    private Fixtures() {
    }

    /** One cached JSON-P provider: the static {@code Json} methods look it up on every call, slowly. */
    static final JsonProvider JSON = JsonProvider.provider();
    private static final JsonObject SERVED = SampleRecords.served(0, T0);

    /** An unsealed served record shaped like the gateway's, the n-th, received a minute after the previous one. */
    static JsonObject record(int n) {
        var received = T0.plusSeconds(60L * n);
        return JSON.createObjectBuilder(SERVED).add("record_id", "req-" + n)
                .add("times", JSON.createObjectBuilder(SERVED.getJsonObject("times"))
                        .add("received", received.toString()).add("completed", received.plusMillis(840).toString()))
                .build();
    }

    /** What the gateway would make of a begin that never got its record (the format is the gateway's). */
    static JsonObject interrupted(JsonObject begin) {
        return JSON.createObjectBuilder().add("schema_version", "1").add("record_id", begin.getString("request_id"))
                .add("times", JSON.createObjectBuilder().add("received", begin.getString("at")))
                .add("request", begin.getJsonObject("request"))
                .add("outcome", JSON.createObjectBuilder().add("http_status", 0).add("interrupted", true)).build();
    }

    static JsonObject requestPart(String text) {
        return JSON.createObjectBuilder().add("messages", JSON.createArrayBuilder()
                .add(JSON.createObjectBuilder().add("role", "user").add("content", text))).build();
    }

    static Journal open(Path dir, JournalOptions options) throws IOException {
        return Journal.open(dir, INSTANCE, options, Fixtures::interrupted);
    }

    static JournalOptions fastProbe() {
        return new JournalOptions(16L << 20, 1L << 30, 1024, Duration.ofMillis(20));
    }

    static AuditOptions audit() {
        return AuditOptions.of(INSTANCE, PREFIX, Duration.ofDays(2555));
    }

    static ShipperOptions shipping(int maxRecords) {
        return new ShipperOptions(maxRecords, 8L << 20, Duration.ofHours(1), Duration.ofMillis(20),
                Duration.ofMillis(50), Duration.ofMillis(400), Duration.ofHours(1));
    }

    /**
     * {@link Journal#sealedSince} as JSON, checking on the way that each record's canonical text, which the journal
     * carries from sealing (memory) or makes when it reads the file back (disk), is the record's RFC 8785 text.
     */
    static List<JsonObject> sealedSince(Journal journal, long seqExclusive, int maxRecords, long maxBytes)
            throws IOException {
        var records = journal.sealedSince(seqExclusive, maxRecords, maxBytes);
        records.forEach(r -> assertThat(r.canonical()).isEqualTo(CanonicalJson.text(r.json())));
        return records.stream().map(SealedRecord::json).toList();
    }

    static long seq(JsonObject sealed) {
        return ChainLink.of(sealed).seq();
    }

    /** Checks that records are seq 1..n (or from..n) without gaps, each linked to the previous hash. */
    static void assertChained(List<JsonObject> records, long firstSeq) {
        for (int i = 0; i < records.size(); i++) {
            var link = ChainLink.of(records.get(i));
            if (link.seq() != firstSeq + i || (i > 0 && !link.prevHash().equals(ChainLink.of(records.get(i - 1)).hash()))) {
                throw new AssertionError("chain broken at index " + i + ": " + link);
            }
        }
    }

    /** Polls until the condition holds; a deadline guards against a hang, it is not a timing assertion. */
    static void await(String what, BooleanSupplier condition) {
        Await.until(what, Duration.ofSeconds(60), Duration.ofMillis(10), condition);
    }

    record Run(int exit, String out, String err) {
    }

    static Run verify(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int exit = io.auditgate.verifier.Verifier.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
