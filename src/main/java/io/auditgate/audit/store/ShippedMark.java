package io.auditgate.audit.store;

import io.auditgate.audit.chain.CanonicalJson;
import io.auditgate.audit.chain.Sha256;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code shipped.json} in the journal directory: the last record the store holds (seq and hash), replaced atomically
 * after each shipped segment. Records up to it are never shipped again; the chain resumes from it when every journal
 * file has been shipped and deleted. {@code shippingSeq} is the last seq of the segment being put, written before
 * the put: after a crash between put and mark, the restart cuts exactly that segment again (same key), whatever
 * became durable meanwhile.
 */
record ShippedMark(String instance, long seq, String hash, long shippingSeq) {

    static final String FILE = "shipped.json";

    static ShippedMark read(Path dir, String instance) throws IOException {
        var file = dir.resolve(FILE);
        if (!Files.exists(file)) {
            return new ShippedMark(instance, 0, Sha256.ZERO, 0);
        }
        try (var reader = JournalEntry.JSON.createReader(new StringReader(Files.readString(file)))) {
            JsonObject json = reader.readObject();
            long seq = json.getJsonNumber("last_seq").longValueExact();
            var shipping = json.containsKey("shipping_seq") ? json.getJsonNumber("shipping_seq").longValueExact() : seq;
            var mark = new ShippedMark(json.getString("instance"), seq, json.getString("last_hash"), shipping);
            if (!mark.instance.equals(instance)) {
                throw new IOException(file + " belongs to instance " + mark.instance + ", not " + instance);
            }
            return mark;
        } catch (RuntimeException e) {
            throw new IOException("unreadable " + file + ": " + e.getMessage(), e);
        }
    }

    void write(Path dir) throws IOException {
        var json = JournalEntry.JSON.createObjectBuilder().add("instance", instance).add("last_seq", seq)
                .add("last_hash", hash).add("shipping_seq", shippingSeq).build();
        AtomicFiles.replace(dir.resolve(FILE), CanonicalJson.text(json).getBytes(StandardCharsets.UTF_8));
    }
}
