package io.auditgate.audit.chain;

import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A run of consecutive sealed records of one instance, as shipped: JSON Lines (each line the record's RFC 8785
 * canonical text, '\n' terminated, in seq order), gzip-compressed, with {@link SegmentMetadata} and a
 * {@link SegmentKey}. Immutable; the content is copied in and out.
 */
public final class Segment {

    private final List<SealedRecord> records;
    private final byte[] content;
    private final String sha256;

    private Segment(List<SealedRecord> records, byte[] content) {
        this.records = List.copyOf(records);
        this.content = content;
        this.sha256 = Sha256.hex(content);
    }

    /**
     * Builds a segment from sealed records. They must be non-empty, of one instance, with consecutive sequence
     * numbers in order, each carrying {@code times.received}; otherwise {@link IllegalArgumentException}.
     */
    public static Segment of(List<JsonObject> sealed) {
        return ofSealed(sealed.stream().map(SealedRecord::of).toList());
    }

    /** {@link #of} from records whose canonical text is known already, as the journal has it. */
    public static Segment ofSealed(List<SealedRecord> sealed) {
        if (sealed.isEmpty()) {
            throw new IllegalArgumentException("a segment holds at least one record");
        }
        var first = sealed.get(0).link();
        int length = 0;
        for (var record : sealed) {
            length += record.canonical().length() + 1;
        }
        var text = new StringBuilder(length);
        for (int i = 0; i < sealed.size(); i++) {
            var record = sealed.get(i);
            var link = record.link();
            if (!link.instance().equals(first.instance()) || link.seq() != first.seq() + i) {
                throw new IllegalArgumentException("records are not consecutive at seq " + link.seq());
            }
            record.received(); // refuses a record without an ISO-8601 times.received
            text.append(record.canonical()).append('\n');
        }
        return new Segment(sealed, text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Reads a shipped object back; the inverse of {@link #gzip()}. Fails on corrupt gzip or malformed lines. */
    public static Segment read(byte[] gzipped) {
        var content = gunzip(gzipped);
        var records = new ArrayList<JsonObject>();
        for (var line : new String(content, StandardCharsets.UTF_8).split("\n")) {
            records.add(Json.parse(line));
        }
        return of(records);
    }

    /** The uncompressed bytes of a gzip object; corrupt or truncated input fails with UncheckedIOException. */
    public static byte[] gunzip(byte[] gzipped) {
        try (var in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("not a complete gzip stream", e);
        }
    }

    /** The object body to ship. */
    public byte[] gzip() {
        var out = new ByteArrayOutputStream(content.length / 4 + 64);
        try (var gz = new GZIPOutputStream(out)) {
            gz.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public byte[] content() {
        return Arrays.copyOf(content, content.length);
    }

    /** The records, in seq order (parsed again from their text where only that was kept). */
    public List<JsonObject> records() {
        return records.stream().map(SealedRecord::json).toList();
    }

    public String instance() {
        return records.get(0).link().instance();
    }

    public long firstSeq() {
        return records.get(0).link().seq();
    }

    public long lastSeq() {
        return records.get(records.size() - 1).link().seq();
    }

    /** Hex SHA-256 of the uncompressed content. */
    public String sha256() {
        return sha256;
    }

    public SegmentMetadata metadata() {
        return new SegmentMetadata(records.size(), firstSeq(), lastSeq(), sha256);
    }

    public SegmentKey key(String prefix) {
        return SegmentKey.of(prefix, instance(), firstSeq(), lastSeq(), records.get(0).received());
    }

    /** This segment's line in a digest: key, hash, seq range, count and the span of {@code times.received}. */
    public DigestEntry entry(String prefix) {
        var times = records.stream().map(SealedRecord::received).sorted().toList();
        return new DigestEntry(key(prefix).key(), sha256, firstSeq(), lastSeq(), records.size(),
                times.get(0), times.get(times.size() - 1));
    }

    static Instant received(JsonObject record) {
        try {
            return Instant.parse(Json.string(Json.member(record, "times"), "received"));
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("times.received is not an ISO-8601 instant", e);
        }
    }
}
