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
 * file has been shipped and deleted.
 */
record ShippedMark(String instance, long seq, String hash) {

    static final String FILE = "shipped.json";

    static ShippedMark read(Path dir, String instance) throws IOException {
        var file = dir.resolve(FILE);
        if (!Files.exists(file)) {
            return new ShippedMark(instance, 0, Sha256.ZERO);
        }
        try (var reader = JournalEntry.JSON.createReader(new StringReader(Files.readString(file)))) {
            JsonObject json = reader.readObject();
            var mark = new ShippedMark(json.getString("instance"), json.getJsonNumber("last_seq").longValueExact(),
                    json.getString("last_hash"));
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
                .add("last_hash", hash).build();
        AtomicFiles.replace(dir.resolve(FILE), CanonicalJson.text(json).getBytes(StandardCharsets.UTF_8));
    }
}
