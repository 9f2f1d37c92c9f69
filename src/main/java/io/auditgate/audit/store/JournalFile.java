package io.auditgate.audit.store;

import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One journal file, {@code journal-<instance>-<number %012d>.log}, numbered from 1 in writing order, and what the
 * journal knows of it: the seq range of its records (0 while it has none) and its durable length. Mutable, guarded
 * by the journal's lock.
 */
final class JournalFile {

    private static final Pattern NAME = Pattern.compile("journal-(.+)-(\\d{12})\\.log");

    final long number;
    final Path path;
    long firstSeq;
    long lastSeq;
    long size;

    JournalFile(long number, Path path, long size) {
        this.number = number;
        this.path = path;
        this.size = size;
    }

    static String name(String instance, long number) {
        return String.format("journal-%s-%012d.log", instance, number);
    }

    /** The file's number if {@code file} is a journal file of {@code instance}. */
    static Optional<Long> number(Path file, String instance) {
        var m = NAME.matcher(file.getFileName().toString());
        return m.matches() && m.group(1).equals(instance) ? Optional.of(Long.parseLong(m.group(2))) : Optional.empty();
    }

    void recorded(long seq) {
        if (firstSeq == 0) {
            firstSeq = seq;
        }
        lastSeq = seq;
    }
}
