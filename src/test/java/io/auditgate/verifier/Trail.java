package io.auditgate.verifier;

import io.auditgate.audit.chain.DigestChain;
import io.auditgate.audit.chain.DigestSigner;
import io.auditgate.audit.chain.RecordChain;
import io.auditgate.audit.chain.SampleRecords;
import io.auditgate.audit.chain.Segment;
import io.auditgate.audit.chain.SignedDigest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A small audit trail written the way the gateway writes one: 30 records of instance i-0abc123 in three segments
 * of ten, and three signed digests (segments 1-2, segment 3, then an idle period with none, the chain's clean end at a
 * graceful stop; {@link #open()}: a plain digest instead). Objects are kept
 * in memory by key below the prefix, written to a local directory, and can be re-written to tamper with them.
 */
final class Trail {

    static final String PREFIX = "auditgate";
    static final String INSTANCE = "i-0abc123";
    static final Instant T0 = Instant.parse("2025-03-01T09:40:00Z");

    record StoredObject(byte[] bytes, Map<String, String> metadata) {
    }

    final DigestSigner signer = DigestSigner.generate();
    final List<JsonObject> records = new ArrayList<>();
    final List<Segment> segments = new ArrayList<>();
    final List<SignedDigest> digests = new ArrayList<>();
    final Map<String, StoredObject> objects = new LinkedHashMap<>();

    /** The standard trail; {@code dropSeq} (if positive) is sealed but never shipped, as a buggy writer would. */
    Trail(long dropSeq) {
        this(dropSeq, java.util.function.UnaryOperator.identity());
    }

    /** The standard trail, each unsealed record first passed through {@code edit}. */
    Trail(long dropSeq, java.util.function.UnaryOperator<JsonObject> edit) {
        this(dropSeq, edit, true);
    }

    /** The standard trail of an instance still running (or killed): its last digest is not a clean end. */
    static Trail open() {
        return new Trail(0, java.util.function.UnaryOperator.identity(), false);
    }

    private Trail(long dropSeq, java.util.function.UnaryOperator<JsonObject> edit, boolean ended) {
        var chain = RecordChain.start(INSTANCE);
        for (int n = 1; n <= 30; n++) {
            records.add(chain.seal(edit.apply(SampleRecords.served(n, T0.plusSeconds(60L * n)))));
        }
        for (int s = 0; s < 3; s++) {
            var part = records.subList(s * 10, s * 10 + 10).stream()
                    .filter(r -> r.getJsonObject("chain").getJsonNumber("seq").longValue() != dropSeq).toList();
            segments.add(Segment.of(part));
        }
        segments.forEach(this::put);
        var digester = DigestChain.start(PREFIX, INSTANCE, signer, T0);
        digests.add(digester.next(Instant.parse("2025-03-01T10:00:30Z"),
                List.of(segments.get(0).entry(PREFIX), segments.get(1).entry(PREFIX))));
        digests.add(digester.next(Instant.parse("2025-03-01T10:15:00Z"), List.of(segments.get(2).entry(PREFIX))));
        var last = Instant.parse("2025-03-01T10:30:00Z");
        digests.add(ended ? digester.end(last, List.of(), 30) : digester.next(last, List.of()));
        digests.forEach(d -> objects.put(relative(d.key()), new StoredObject(d.bytes(), Map.of())));
    }

    Trail() {
        this(0);
    }

    void put(Segment segment) {
        objects.put(segment.key("").relative(), new StoredObject(segment.gzip(), segment.metadata().asMap()));
    }

    String segmentKey(int index) {
        return segments.get(index).key("").relative();
    }

    String digestKey(int index) {
        return relative(digests.get(index).key());
    }

    /** The uncompressed lines of a stored segment. */
    List<String> lines(int index) {
        var text = new String(Segment.gunzip(objects.get(segmentKey(index)).bytes()), StandardCharsets.UTF_8);
        return new ArrayList<>(List.of(text.split("\n")));
    }

    /** Replaces a segment's content by these lines, gzipped, keeping its metadata as it was. */
    void replaceLines(int index, List<String> lines) {
        var gz = gzip(String.join("\n", lines) + "\n");
        objects.put(segmentKey(index), new StoredObject(gz, objects.get(segmentKey(index)).metadata()));
    }

    /** The unsealed form of a sealed record, to seal it again into a forged chain. */
    static JsonObject unsealed(JsonObject sealed) {
        return Json.createObjectBuilder(sealed).remove("chain").build();
    }

    static byte[] gzip(String text) {
        var out = new ByteArrayOutputStream();
        try (var gz = new java.util.zip.GZIPOutputStream(out)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Writes every object (and a metadata sidecar where there is metadata) under {@code root}. */
    Path write(Path root) throws IOException {
        if (Files.exists(root)) {
            try (Stream<Path> old = Files.walk(root)) {
                old.sorted(java.util.Comparator.reverseOrder()).filter(p -> !p.equals(root)).forEach(p -> p.toFile().delete());
            }
        }
        var store = new LocalDirectoryStore(Files.createDirectories(root));
        for (var entry : objects.entrySet()) {
            store.write(entry.getKey(), entry.getValue().bytes(), entry.getValue().metadata());
        }
        return root;
    }

    Path publicKey(Path dir) throws IOException {
        return Files.writeString(dir.resolve("digest-public.pem"), signer.publicKeyPem());
    }

    /** Writes the trail under {@code dir} and runs the verifier on it with {@code extra} options. */
    Run verifyIn(Path dir, String... extra) throws IOException {
        var store = write(dir.resolve("store"));
        var args = new ArrayList<>(List.of("--dir", store.toString(), "--public-key", publicKey(dir).toString()));
        args.addAll(List.of(extra));
        return verify(args.toArray(String[]::new));
    }

    static String relative(String key) {
        return key.substring(PREFIX.length() + 1);
    }

    /** The verifier's exit status and standard output lines. */
    record Run(int exit, List<String> lines, String err) {

        List<String> findings() {
            return lines.stream().filter(l -> !l.startsWith("verified:") && !l.startsWith("note:")
                    && !l.startsWith("key:") && !l.startsWith("OPEN_CHAIN")).toList();
        }

        List<String> openChains() {
            return lines.stream().filter(l -> l.startsWith("OPEN_CHAIN")).toList();
        }

        String summary() {
            return lines.get(lines.size() - 1);
        }
    }

    static Run verify(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int exit = Verifier.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        var text = out.toString(StandardCharsets.UTF_8);
        return new Run(exit, text.isEmpty() ? List.of() : List.of(text.split("\n")), err.toString(StandardCharsets.UTF_8));
    }
}
