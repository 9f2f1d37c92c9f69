package io.auditgate.verifier;

import io.auditgate.audit.chain.CanonicalJson;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * An audit store in a local directory with the S3 layout below the prefix ({@code records/dt=.../...},
 * {@code digests/dt=.../...}). An object's user metadata lives beside it in {@code <key>.meta.json}, a flat JSON
 * object of strings, e.g. {@code {"first-seq":"1","last-seq":"10","record-count":"10","sha256":"..."}}.
 */
public final class LocalDirectoryStore implements Store {

    static final String SIDECAR = ".meta.json";

    private final Path root;

    public LocalDirectoryStore(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new NoSuchFileException(root.toString(), null, "not a directory");
        }
        this.root = root;
    }

    @Override
    public List<String> list(String folder) throws IOException {
        var dir = root.resolve(folder);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).map(this::keyOf).filter(k -> !k.endsWith(SIDECAR)).sorted()
                    .collect(Collectors.toList());
        }
    }

    @Override
    public Optional<byte[]> read(String key) throws IOException {
        var file = root.resolve(key);
        return Files.isRegularFile(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
    }

    @Override
    public Map<String, String> metadata(String key) throws IOException {
        var sidecar = root.resolve(key + SIDECAR);
        if (!Files.isRegularFile(sidecar)) {
            return Map.of();
        }
        try (var reader = Json.createReader(new StringReader(Files.readString(sidecar, StandardCharsets.UTF_8)))) {
            var map = new TreeMap<String, String>();
            reader.readObject().forEach((name, value) -> map.put(name.toLowerCase(java.util.Locale.ROOT),
                    value instanceof JsonString s ? s.getString() : value.toString()));
            return map;
        } catch (JsonException | ClassCastException e) {
            return Map.of();
        }
    }

    /** Writes an object and, if {@code metadata} is not empty, its sidecar: how tests and local runs fill a store. */
    public void write(String key, byte[] bytes, Map<String, String> metadata) throws IOException {
        var file = root.resolve(key);
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
        if (!metadata.isEmpty()) {
            var json = Json.createObjectBuilder();
            metadata.forEach(json::add);
            Files.write(root.resolve(key + SIDECAR), CanonicalJson.bytes(json.build()));
        }
    }

    @Override
    public String describe() {
        return root.toString();
    }

    private String keyOf(Path file) {
        return root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
    }
}
