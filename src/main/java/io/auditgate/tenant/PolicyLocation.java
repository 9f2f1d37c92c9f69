package io.auditgate.tenant;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the tenants policy is read from, as configured by {@code tenants.policy-file}: a file (a relative path is
 * resolved against the working directory; re-read when it changes) or, written {@code classpath:local/tenants.json},
 * a resource shipped inside the application (the local profile's demo policy; it never changes while running).
 */
public sealed interface PolicyLocation permits PolicyLocation.File, PolicyLocation.Resource {

    /** The prefix that names a class-path resource instead of a file. */
    String CLASSPATH = "classpath:";

    /**
     * @throws IllegalArgumentException if {@code configured} is blank or names an empty class-path resource
     */
    static PolicyLocation of(String configured) {
        Objects.requireNonNull(configured, "configured");
        if (configured.isBlank()) {
            throw new IllegalArgumentException("tenants.policy-file is blank");
        }
        if (configured.startsWith(CLASSPATH)) {
            return new Resource(configured.substring(CLASSPATH.length()));
        }
        return new File(Path.of(configured));
    }

    /** The whole policy document as stored. */
    byte[] read() throws IOException;

    /** Whether the policy can change while the gateway runs, i.e. whether watching it for reloads makes sense. */
    boolean changes();

    /** How messages and log lines name this location: the file's path, or {@code classpath:} and the resource. */
    Path label();

    /** A policy file on disk. */
    record File(Path path) implements PolicyLocation {
        public File {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public byte[] read() throws IOException {
            return Files.readAllBytes(path);
        }

        @Override
        public boolean changes() {
            return true;
        }

        @Override
        public Path label() {
            return path;
        }

        @Override
        public String toString() {
            return path.toString();
        }
    }

    /** A resource inside the application (the WAR's {@code WEB-INF/classes}), found by this class's loader. */
    record Resource(String name) implements PolicyLocation {
        public Resource {
            Objects.requireNonNull(name, "name");
            if (name.isBlank() || name.startsWith("/")) {
                throw new IllegalArgumentException("a class-path policy is named like classpath:local/tenants.json");
            }
        }

        @Override
        public byte[] read() throws IOException {
            try (var in = PolicyLocation.class.getClassLoader().getResourceAsStream(name)) {
                if (in == null) {
                    throw new NoSuchFileException(CLASSPATH + name);
                }
                return in.readAllBytes();
            }
        }

        @Override
        public boolean changes() {
            return false;
        }

        @Override
        public Path label() {
            // only a name for messages (Path accepts the colon); never opened as a file
            return Path.of(CLASSPATH + name);
        }

        @Override
        public String toString() {
            return CLASSPATH + name;
        }
    }
}
