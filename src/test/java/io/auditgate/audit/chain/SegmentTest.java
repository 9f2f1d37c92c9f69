package io.auditgate.audit.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SegmentTest {

    private static List<JsonObject> sealed(int count, Instant start) {
        var chain = RecordChain.start("i-0abc123");
        var records = new ArrayList<JsonObject>();
        for (int i = 1; i <= count; i++) {
            records.add(chain.seal(SampleRecords.served(i, start.plusSeconds(i))));
        }
        return records;
    }

    @Test
    void keyIsPartitionedByTheUtcHourOfTheFirstRecord() {
        var key = SegmentKey.of("audit/prod/", "i-0abc123", 1, 250, Instant.parse("2025-03-01T23:59:59.9Z"));

        assertThat(key.key())
                .isEqualTo("audit/prod/records/dt=2025-03-01/hr=23/i-0abc123-000000000001-000000000250.jsonl.gz");
        assertThat(key.relative()).startsWith("records/dt=2025-03-01/hr=23/");
    }

    @Test
    void keyParsesBackIncludingInstanceIdsWithHyphensAndAnEmptyPrefix() {
        var key = new SegmentKey("a/b", LocalDate.of(2025, 1, 2), 7, "gw-i-0abc-9", 11, 20);

        assertThat(SegmentKey.parse(key.key())).contains(key);
        assertThat(SegmentKey.parse(key.relative())).contains(new SegmentKey("", key.date(), 7, "gw-i-0abc-9", 11, 20));
        assertThat(SegmentKey.parse("records/dt=2025-01-02/hr=07/x-1-2.jsonl.gz")).isEmpty();
        assertThat(SegmentKey.parse("records/dt=2025-01-02/hr=07/x-000000000001-000000000002.json")).isEmpty();
    }

    @Test
    void segmentIsGzippedCanonicalJsonLinesInSeqOrder() {
        var records = sealed(3, Instant.parse("2025-03-01T10:00:00Z"));
        var segment = Segment.of(records);

        var lines = new String(Segment.gunzip(segment.gzip()), StandardCharsets.UTF_8);
        assertThat(lines).endsWith("\n").hasLineCount(3);
        assertThat(lines.split("\n")[0]).isEqualTo(CanonicalJson.text(records.get(0)));
        assertThat(Segment.read(segment.gzip()).records()).isEqualTo(records);
    }

    @Test
    void metadataDescribesTheUncompressedContent() {
        var segment = Segment.of(sealed(4, Instant.parse("2025-03-01T10:00:00Z")));

        var metadata = segment.metadata();
        assertThat(metadata.sha256()).isEqualTo(Sha256.hex(Segment.gunzip(segment.gzip())));
        assertThat(metadata.asMap()).containsEntry("record-count", "4").containsEntry("first-seq", "1")
                .containsEntry("last-seq", "4");
        assertThat(SegmentMetadata.from(metadata.asMap())).isEqualTo(metadata);
    }

    @Test
    void digestEntrySpansTheReceivedTimesOfItsRecords() {
        var start = Instant.parse("2025-03-01T10:00:00Z");
        var segment = Segment.of(sealed(5, start));

        var entry = segment.entry("audit");
        assertThat(entry.key()).isEqualTo(segment.key("audit").key());
        assertThat(entry.oldest()).isEqualTo(start.plusSeconds(1));
        assertThat(entry.newest()).isEqualTo(start.plusSeconds(5));
        assertThat(entry.records()).isEqualTo(5);
    }

    @Test
    void recordsKeptAsTextOnlyMakeTheSameSegment() {
        var start = Instant.parse("2025-03-01T10:00:00Z");
        var full = sealed(4, start).stream().map(SealedRecord::of).toList();
        var textOnly = full.stream().map(SealedRecord::textOnly).toList();

        var a = Segment.ofSealed(full);
        var b = Segment.ofSealed(textOnly);
        assertThat(b.content()).isEqualTo(a.content());
        assertThat(b.metadata()).isEqualTo(a.metadata());
        assertThat(b.key("audit")).isEqualTo(a.key("audit"));
        assertThat(b.entry("audit")).isEqualTo(a.entry("audit"));
        assertThat(b.records()).isEqualTo(Segment.read(a.gzip()).records());
        assertThat(textOnly.get(2).link()).isEqualTo(full.get(2).link());
        assertThat(textOnly.get(2).received()).isEqualTo(start.plusSeconds(3));
    }

    @Test
    void refusesRecordsThatAreNotConsecutive() {
        var records = sealed(3, Instant.parse("2025-03-01T10:00:00Z"));

        assertThatThrownBy(() -> Segment.of(List.of(records.get(0), records.get(2))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Segment.of(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesTruncatedGzip() {
        var gz = Segment.of(sealed(3, Instant.parse("2025-03-01T10:00:00Z"))).gzip();

        assertThatThrownBy(() -> Segment.gunzip(java.util.Arrays.copyOf(gz, gz.length - 10)))
                .isInstanceOf(java.io.UncheckedIOException.class);
    }
}
