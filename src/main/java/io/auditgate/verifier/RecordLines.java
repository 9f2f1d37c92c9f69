package io.auditgate.verifier;

import io.auditgate.audit.chain.ChainLink;
import io.auditgate.audit.chain.RecordHash;
import jakarta.json.JsonException;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the JSON Lines of one segment: each line must be a JSON object with a well-formed {@code chain} whose
 * hash recomputes, and seq must rise line by line. Records whose hash fails are still returned (with the hash they
 * claim) so that the chain check does not repeat the same finding.
 */
final class RecordLines {

    private static final JsonProvider JSON = JsonProvider.provider();

    private final String key;
    private final Report report;

    RecordLines(String key, Report report) {
        this.key = key;
        this.report = report;
    }

    List<RecordRef> read(byte[] content) {
        var text = new String(content, StandardCharsets.UTF_8);
        var lines = text.split("\n", -1);
        var records = new ArrayList<RecordRef>();
        long lastSeq = 0;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isEmpty() && i == lines.length - 1) {
                break; // the '\n' that ends the last record
            }
            var record = read(lines[i], i + 1);
            if (record == null) {
                continue;
            }
            if (record.seq() <= lastSeq) {
                report.add(FindingCode.RECORD_OUT_OF_ORDER, record.where() + " previous=" + lastSeq);
            }
            lastSeq = Math.max(lastSeq, record.seq());
            records.add(record);
        }
        return records;
    }

    private RecordRef read(String line, int number) {
        try (var reader = JSON.createReader(new StringReader(line))) {
            var json = reader.readObject();
            var link = ChainLink.of(json);
            var id = json.get("record_id") instanceof jakarta.json.JsonString s ? s.getString() : null;
            var ref = new RecordRef(link.instance(), link.seq(), link.prevHash(), link.hash(), key, number, id);
            if (!RecordHash.of(json).equals(link.hash())) {
                report.add(FindingCode.RECORD_HASH_MISMATCH, ref.where());
            }
            return ref;
        } catch (JsonException | IllegalArgumentException | ClassCastException | ArithmeticException e) {
            report.add(FindingCode.RECORD_UNREADABLE, "key=" + key + " line=" + number);
            return null;
        }
    }
}
