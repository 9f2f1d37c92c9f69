package io.auditgate.audit.store;

import io.auditgate.audit.chain.CanonicalJson;
import io.auditgate.audit.chain.SegmentMetadata;
import jakarta.json.JsonString;
import jakarta.json.spi.JsonProvider;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The audit store as a local directory (local profile, tests): {@code root} stands for the prefix, so objects lie at
 * {@code root/records/dt=.../...} and {@code root/digests/...}, each with its metadata in {@code <key>.meta.json}: the
 * layout {@code auditgate-verifier.jar --dir root} reads. Objects appear atomically (hard link of a synced temporary
 * file, which fails if the name exists) and are made read-only; nothing enforces retention as Object Lock does.
 */
public final class LocalAuditStore implements AuditStore {

    private static final Logger LOG = Logger.getLogger(LocalAuditStore.class.getName());
    static final String SIDECAR = ".meta.json";
    private static final JsonProvider JSON = JsonProvider.provider();

    private final Path root;
    private final String keyPrefix;

    public LocalAuditStore(Path root, AuditOptions options) throws IOException {
        this.root = Files.createDirectories(root);
        this.keyPrefix = options.keyPrefix();
    }

    @Override
    public Put put(AuditObject object) throws IOException {
        var file = file(object.key());
        if (Files.exists(file)) {
            return existing(object);
        }
        Files.createDirectories(file.getParent());
        var sidecar = sidecarOf(file);
        Files.deleteIfExists(sidecar); // an orphan from a crash between sidecar and object: its object never appeared
        var meta = JSON.createObjectBuilder();
        object.metadata().forEach(meta::add);
        link(CanonicalJson.bytes(meta.build()), sidecar);
        try {
            link(object.body(), file);
        } catch (FileAlreadyExistsException raced) {
            return existing(object);
        }
        file.toFile().setReadOnly();
        AtomicFiles.syncDirectory(file.getParent());
        return Put.CREATED;
    }

    private Put existing(AuditObject object) throws IOException {
        var stored = metadata(file(object.key())).get(SegmentMetadata.SHA256);
        if (object.sha256().equals(stored)) {
            return Put.ALREADY_STORED;
        }
        var conflict = new AuditConflictException(object.key(), "stored sha256=" + stored + " new sha256="
                + object.sha256());
        LOG.severe(conflict.getMessage());
        throw conflict;
    }

    private void link(byte[] bytes, Path target) throws IOException {
        var tmp = Files.createDirectories(root.resolve(".tmp")).resolve(UUID.randomUUID() + ".tmp");
        try {
            AtomicFiles.writeSynced(tmp, bytes);
            Files.createLink(target, tmp);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    @Override
    public List<String> list(String prefix) throws IOException {
        var relative = relative(prefix);
        int slash = relative.lastIndexOf('/');
        var dir = slash < 0 ? root : root.resolve(relative.substring(0, slash));
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).map(f -> root.relativize(f).toString().replace('\\', '/'))
                    .filter(k -> !k.endsWith(SIDECAR) && k.startsWith(relative)).map(k -> keyPrefix + k).sorted()
                    .toList();
        }
    }

    @Override
    public Optional<byte[]> read(String key) throws IOException {
        var file = file(key);
        return Files.isRegularFile(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
    }

    @Override
    public String describe() {
        return root.toString();
    }

    private Map<String, String> metadata(Path file) throws IOException {
        var sidecar = sidecarOf(file);
        if (!Files.isRegularFile(sidecar)) {
            return Map.of();
        }
        try (var reader = JSON.createReader(new StringReader(Files.readString(sidecar, StandardCharsets.UTF_8)))) {
            var map = new java.util.TreeMap<String, String>();
            reader.readObject().forEach((k, v) -> map.put(k, v instanceof JsonString s ? s.getString() : v.toString()));
            return map;
        } catch (RuntimeException e) {
            return Map.of();
        }
    }

    private static Path sidecarOf(Path file) {
        return file.resolveSibling(file.getFileName() + SIDECAR);
    }

    private Path file(String key) {
        var relative = relative(key);
        var file = root.resolve(relative).normalize();
        if (relative.isEmpty() || !file.startsWith(root) || relative.startsWith(".tmp")) {
            throw new IllegalArgumentException("key outside the store: " + key);
        }
        return file;
    }

    private String relative(String key) {
        if (!key.startsWith(keyPrefix)) {
            throw new IllegalArgumentException("key outside the prefix " + keyPrefix + ": " + key);
        }
        return key.substring(keyPrefix.length());
    }
}
