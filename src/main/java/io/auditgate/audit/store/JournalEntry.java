package io.auditgate.audit.store;

import io.auditgate.audit.chain.CanonicalJson;
import io.auditgate.audit.chain.SealedRecord;
import io.auditgate.audit.chain.ChainLink;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

/**
 * One journal line: the RFC 8785 text of {@code {"type":"begin","request_id","at","request"}} or
 * {@code {"type":"record","record":<sealed record>}}, then {@code \n}.
 */
record JournalEntry(String type, JsonObject json) {

    static final String BEGIN = "begin";
    static final String RECORD = "record";
    static final JsonProvider JSON = JsonProvider.provider();
    /** A record line is {@code RECORD_PREFIX}, the sealed record's canonical text, {@code RECORD_SUFFIX}. */
    private static final String RECORD_PREFIX = "{\"record\":";
    private static final String RECORD_SUFFIX = ",\"type\":\"" + RECORD + "\"}";
    /** A begin line's canonical text starts so: {@code "at"} sorts first among its members. */
    private static final byte[] BEGIN_PREFIX = "{\"at\":".getBytes(StandardCharsets.US_ASCII);

    static byte[] begin(String requestId, Instant at, JsonObject request) {
        return line(JSON.createObjectBuilder().add("type", BEGIN).add("request_id", requestId)
                .add("at", at.toString()).add("request", request).build());
    }

    /** Spliced from the record's canonical text: {@code "record"} sorts before {@code "type"}. */
    static byte[] record(SealedRecord sealed) {
        return (RECORD_PREFIX + sealed.canonical() + RECORD_SUFFIX + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] line(JsonObject entry) {
        return (CanonicalJson.text(entry) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The sealed record of one line (with its newline), or null for a begin, for the shipper reading back: a begin is
     * skipped unparsed (every line was parsed when the journal opened or was written by it), and a record's canonical
     * text is cut from the line as {@link #record} spliced it, parsed once and not canonicalised again. A line in
     * another form is parsed in full, and anything but a well-formed entry is IllegalArgumentException.
     */
    static SealedRecord sealedRecord(byte[] line) {
        if (startsWith(line, BEGIN_PREFIX)) {
            return null;
        }
        var text = new String(line, 0, line.length - 1, StandardCharsets.UTF_8);
        if (text.startsWith(RECORD_PREFIX) && text.endsWith(RECORD_SUFFIX)) {
            var canonical = text.substring(RECORD_PREFIX.length(), text.length() - RECORD_SUFFIX.length());
            return SealedRecord.ofCanonical(canonical);
        }
        var entry = parse(text);
        return entry.isRecord() ? SealedRecord.of(entry.record()) : null;
    }

    private static boolean startsWith(byte[] line, byte[] prefix) {
        return line.length >= prefix.length && Arrays.equals(line, 0, prefix.length, prefix, 0, prefix.length);
    }

    /** Parses one line (without its newline); anything else than a well-formed entry is IllegalArgumentException. */
    static JournalEntry parse(String line) {
        try (var reader = JSON.createReader(new StringReader(line))) {
            var json = reader.readObject();
            var type = json.getString("type");
            if (BEGIN.equals(type)) {
                json.getString("request_id");
                json.getJsonObject("request");
            } else if (RECORD.equals(type)) {
                ChainLink.of(json.getJsonObject("record"));
            } else {
                throw new IllegalArgumentException("unknown journal entry type " + type);
            }
            return new JournalEntry(type, json);
        } catch (JsonException | ClassCastException | NullPointerException e) {
            throw new IllegalArgumentException("not a journal entry: " + e.getMessage(), e);
        }
    }

    boolean isRecord() {
        return RECORD.equals(type);
    }

    JsonObject record() {
        return json.getJsonObject("record");
    }

    ChainLink link() {
        return ChainLink.of(record());
    }

    String requestId() {
        return json.getString("request_id");
    }

    /** The request id a record completes: its {@code record_id}, if it has one. */
    static String recordId(JsonObject record) {
        var id = record.get("record_id");
        return id != null && id.getValueType() == JsonValue.ValueType.STRING ? record.getString("record_id") : null;
    }
}
