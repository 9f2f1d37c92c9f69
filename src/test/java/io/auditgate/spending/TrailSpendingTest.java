package io.auditgate.spending;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditgate.audit.chain.RecordChain;
import io.auditgate.audit.chain.SampleRecords;
import io.auditgate.audit.chain.Segment;
import io.auditgate.audit.store.AuditObject;
import io.auditgate.audit.store.AuditOptions;
import io.auditgate.audit.store.LocalAuditStore;
import io.auditgate.quota.Spent;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One pass over segments sealed and stored by the real chain, segment and local store code. */
class TrailSpendingTest {

    private static final String PREFIX = "auditgate";
    private static final LocalDate TODAY = LocalDate.parse("2026-03-17");

    @TempDir
    Path dir;

    private LocalAuditStore store() throws IOException {
        return new LocalAuditStore(dir, AuditOptions.of("i-0a", PREFIX, Duration.ofDays(1)));
    }

    /** A record of {@code tenant} received at {@code at}, settled at {@code tokens} and {@code cost}; none if negative. */
    static JsonObject record(String tenant, String at, long tokens, long cost) {
        var record = Json.createObjectBuilder(SampleRecords.served(1, Instant.parse(at))).add("tenant", tenant);
        var quota = Json.createObjectBuilder().add("ledger", "grid").add("estimate", demand(100, 100));
        if (tokens >= 0) {
            quota.add("settled", demand(tokens, cost));
        } else {
            quota.add("refused_by", "budgets.tokens_per_day");
        }
        return record.add("quota", quota).build();
    }

    private static JsonObject demand(long tokens, long cost) {
        return Json.createObjectBuilder().add("tokens", tokens).add("weighted_tokens", tokens)
                .add("cost_pico_usd", cost).build();
    }

    /** Seals {@code records} on {@code chain} and stores them as one segment, as the shipper does. */
    static List<JsonObject> ship(LocalAuditStore store, RecordChain chain, JsonObject... records) throws IOException {
        var sealed = new ArrayList<JsonObject>();
        for (var record : records) {
            sealed.add(chain.seal(record));
        }
        store.put(AuditObject.segment(Segment.of(sealed), PREFIX));
        return sealed;
    }

    @Test
    void sumsTheMonthsSettledUsageWithTodaysPartSeparately() throws IOException {
        var store = store();
        var chain = RecordChain.start("i-0a");
        ship(store, chain, record("acme", "2026-03-01T00:00:05Z", 100, 7), record("acme", "2026-03-16T23:59:59Z", 20, 1));
        ship(store, chain, record("acme", "2026-03-17T08:00:00Z", 5, 2), record("beta", "2026-03-17T09:00:00Z", 9, 0));

        var tally = TrailSpending.of(store, PREFIX, TODAY);

        assertThat(tally.spent()).containsEntry("acme", new Spent(TODAY, 5, 2, 125, 10))
                .containsEntry("beta", new Spent(TODAY, 9, 0, 9, 0)).hasSize(2);
        assertThat(tally.segments()).isEqualTo(2);
        assertThat(tally.records()).isEqualTo(4);
    }

    @Test
    void countsOnlySettledRecordsOfThisMonthIncludingASegmentFiledUnderLastMonthsLastHour() throws IOException {
        var store = store();
        var chain = RecordChain.start("i-0a");
        ship(store, chain, record("acme", "2026-02-28T23:59:30Z", 1000, 0), record("acme", "2026-03-01T00:00:10Z", 3, 0));
        ship(store, chain, record("acme", "2026-03-02T10:00:00Z", -1, 0),
                Json.createObjectBuilder(SampleRecords.refused(Instant.parse("2026-03-02T10:00:01Z"))).build());
        ship(store, chain, record("acme", "2026-03-18T00:00:00Z", 50, 0)); // a clock ahead: not this day's

        var tally = TrailSpending.of(store, PREFIX, TODAY);

        assertThat(tally.spent()).containsOnlyKeys("acme").containsEntry("acme", new Spent(TODAY, 0, 0, 3, 0));
    }

    @Test
    void aSegmentStoredTwiceWithOverlappingSequenceNumbersCountsOnce() throws IOException {
        var store = store();
        var chain = RecordChain.start("i-0b");
        var sealed = ship(store, chain, record("acme", "2026-03-17T01:00:00Z", 10, 0),
                record("acme", "2026-03-17T01:00:01Z", 20, 0));
        // the same two records again in a longer segment (another key), as a re-cut after a crash might store
        var third = chain.seal(record("acme", "2026-03-17T01:00:02Z", 40, 0));
        store.put(AuditObject.segment(Segment.of(List.of(sealed.get(0), sealed.get(1), third)), PREFIX));

        assertThat(TrailSpending.of(store, PREFIX, TODAY).spent().get("acme").dayTokens()).isEqualTo(70);
    }

    @Test
    void recordsOfEveryInstanceCount() throws IOException {
        var store = store();
        ship(store, RecordChain.start("i-0a"), record("acme", "2026-03-17T01:00:00Z", 10, 4));
        ship(store, RecordChain.start("i-0b"), record("acme", "2026-03-17T01:00:00Z", 10, 4));

        assertThat(TrailSpending.of(store, PREFIX, TODAY).spent().get("acme"))
                .isEqualTo(new Spent(TODAY, 20, 8, 20, 8));
    }

    @Test
    void anUnreadableSegmentIsSkippedAndTheRestCounted() throws IOException {
        var store = store();
        ship(store, RecordChain.start("i-0a"), record("acme", "2026-03-17T01:00:00Z", 10, 0));
        var bad = dir.resolve("records/dt=2026-03-17/hr=02/i-0c-000000000001-000000000001.jsonl.gz");
        Files.createDirectories(bad.getParent());
        Files.write(bad, new byte[] {31, -117, 8, 0, 1, 2, 3});

        var tally = TrailSpending.of(store, PREFIX, TODAY);

        assertThat(tally.skippedSegments()).isEqualTo(1);
        assertThat(tally.spent().get("acme").monthTokens()).isEqualTo(10);
    }

    @Test
    void anEmptyStoreHasSpentNothing() throws IOException {
        assertThat(TrailSpending.of(store(), PREFIX, TODAY).spent()).isEmpty();
    }
}
