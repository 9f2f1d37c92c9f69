package io.auditgate.audit.store;

import io.auditgate.audit.chain.CanonicalJson;
import io.auditgate.audit.chain.DigestChain;
import io.auditgate.audit.chain.DigestEntry;
import io.auditgate.audit.chain.DigestKey;
import io.auditgate.audit.chain.DigestSigner;
import io.auditgate.audit.chain.SignedDigest;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Signs and stores this instance's digests. The shipper {@link #add}s each shipped segment; {@link #digest} (on the
 * 15-minute cadence, at drain, and when idle, with an empty list) signs the next digest over everything added since
 * the last stored one. Segments not yet in a stored digest are kept in {@code stateFile}, so a restart lists them in
 * the next digest. The digest chain resumes from the newest digest of this instance found in the store (one
 * listing of {@code <prefix>/digests/} at the first digest after start). A digest that could not be stored is put
 * again, byte for byte, by the next call. Before its first digest it publishes the signing key's public half
 * ({@link AuditObject#publicKey}), so the store names the key every digest of this run was signed with.
 */
public final class Digester {

    private final AuditStore store;
    private final DigestSigner signer;
    private final AuditOptions options;
    private final Path stateFile;
    private final Clock clock;
    private final Instant startedAt;
    private final List<DigestEntry> pending = new ArrayList<>();
    private DigestChain chain;
    private Instant lastEnd;
    private SignedDigest unstored;
    private int unstoredEntries;
    private SignedDigest last;
    private boolean keyPublished;
    /** Volatile, not guarded: read by metrics while {@link #digest()} may hold the lock waiting for the store. */
    private volatile Instant lastStoredAt;

    public Digester(AuditStore store, DigestSigner signer, AuditOptions options, Path stateFile, Clock clock)
            throws IOException {
        this.store = Objects.requireNonNull(store, "store");
        this.signer = Objects.requireNonNull(signer, "signer");
        this.options = Objects.requireNonNull(options, "options");
        this.stateFile = stateFile;
        this.clock = clock;
        this.startedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        this.lastStoredAt = clock.instant();
        pending.addAll(DigestEntries.read(stateFile));
    }

    /** A shipped segment, to be listed by the next digest; persisted before this returns. */
    public synchronized void add(DigestEntry entry) throws IOException {
        if (pending.stream().noneMatch(e -> e.key().equals(entry.key()))) {
            pending.add(entry);
            DigestEntries.write(stateFile, options.instance(), pending);
        }
    }

    /** Signs and stores the next digest (possibly listing no segment); the store's failure is an IOException. */
    public synchronized SignedDigest digest() throws IOException {
        return sign(null);
    }

    /**
     * Signs and stores the chain's clean end ({@link io.auditgate.audit.chain.ChainEnd}): the next digest, listing
     * everything added since the last one, marked as the last of this run with {@code lastSeq}. The caller (the
     * shipper at a graceful stop) guarantees that every record up to {@code lastSeq} was added and that the journal
     * takes no more. Always signs a new digest, even right after another.
     */
    public synchronized SignedDigest end(long lastSeq) throws IOException {
        return sign(lastSeq);
    }

    private SignedDigest sign(Long endSeq) throws IOException {
        if (!keyPublished) {
            store.put(AuditObject.publicKey(signer, options.keyPrefix()));
            keyPublished = true;
        }
        resume();
        if (unstored != null) {
            store(unstored, unstoredEntries);
            if (pending.isEmpty() && endSeq == null) {
                return last;
            }
        }
        var end = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        end = end.isBefore(lastEnd) ? lastEnd : end;
        unstored = endSeq == null ? chain.next(end, List.copyOf(pending)) : chain.end(end, List.copyOf(pending), endSeq);
        unstoredEntries = pending.size();
        lastEnd = end;
        store(unstored, unstoredEntries);
        return last;
    }

    private void store(SignedDigest digest, int entries) throws IOException {
        store.put(AuditObject.digest(digest));
        pending.subList(0, entries).clear();
        DigestEntries.write(stateFile, options.instance(), pending);
        last = digest;
        unstored = null;
        lastStoredAt = clock.instant();
    }

    /**
     * Seconds since this run last stored a digest (since start before the first). It grows past the digest interval
     * when signing or storing fails (KMS or S3 unreachable, a lost signing permission): the digest-freshness alarm.
     * Never blocks.
     */
    public long secondsSinceLastDigest() {
        return Duration.between(lastStoredAt, clock.instant()).toSeconds();
    }

    public synchronized Optional<SignedDigest> last() {
        return Optional.ofNullable(last);
    }

    /** Segments shipped but not yet in a stored digest. */
    public synchronized int pendingSegments() {
        return pending.size();
    }

    private void resume() throws IOException {
        if (chain != null) {
            return;
        }
        var newest = store.list(options.keyPrefix() + "digests/").stream().map(DigestKey::parse)
                .flatMap(Optional::stream).filter(k -> k.instance().equals(options.instance()))
                .max(Comparator.comparingLong(DigestKey::digestSeq));
        if (newest.isEmpty()) {
            chain = DigestChain.start(options.prefix(), options.instance(), signer, startedAt);
            lastEnd = startedAt;
            return;
        }
        var key = newest.get().key();
        var bytes = store.read(key).orElseThrow(() -> new IOException("digest vanished while resuming: " + key));
        last = SignedDigest.read(key, bytes);
        chain = DigestChain.resume(options.prefix(), signer, last);
        lastEnd = last.digest().end();
        var listed = last.digest().segments().stream().map(DigestEntry::key).toList();
        if (pending.removeIf(e -> listed.contains(e.key()))) { // stored, then crashed before the state file said so
            DigestEntries.write(stateFile, options.instance(), pending);
        }
    }

    /** The state file: {@code {"instance", "segments": [digest entries]}}, replaced atomically. */
    static final class DigestEntries {

        private DigestEntries() {
        }

        static List<DigestEntry> read(Path file) throws IOException {
            if (!Files.exists(file)) {
                return List.of();
            }
            try (var reader = JournalEntry.JSON.createReader(new StringReader(Files.readString(file)))) {
                return reader.readObject().getJsonArray("segments").getValuesAs(JsonObject.class).stream()
                        .map(DigestEntries::entry).toList();
            } catch (RuntimeException e) {
                throw new IOException("unreadable digester state " + file + ": " + e.getMessage(), e);
            }
        }

        static void write(Path file, String instance, List<DigestEntry> entries) throws IOException {
            var list = JournalEntry.JSON.createArrayBuilder();
            for (var e : entries) {
                list.add(JournalEntry.JSON.createObjectBuilder().add("key", e.key()).add("sha256", e.sha256())
                        .add("first_seq", e.firstSeq()).add("last_seq", e.lastSeq()).add("records", e.records())
                        .add("oldest", e.oldest().toString()).add("newest", e.newest().toString()));
            }
            var json = JournalEntry.JSON.createObjectBuilder().add("instance", instance).add("segments", list).build();
            AtomicFiles.replace(file, CanonicalJson.text(json).getBytes(StandardCharsets.UTF_8));
        }

        private static DigestEntry entry(JsonObject json) {
            return new DigestEntry(json.getString("key"), json.getString("sha256"),
                    json.getJsonNumber("first_seq").longValueExact(), json.getJsonNumber("last_seq").longValueExact(),
                    json.getJsonNumber("records").longValueExact(), Instant.parse(json.getString("oldest")),
                    Instant.parse(json.getString("newest")));
        }
    }
}
