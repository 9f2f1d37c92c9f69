package io.auditgate.audit.store;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Recovery: reads every journal file of the instance in order, truncates a torn or unparseable last line of the
 * last file (a crash mid-write; that entry was never acknowledged), checks that the unshipped records continue the
 * shipped mark without gaps, and collects the last sealed record, the unshipped records and the begins that no
 * record completed. Damage anywhere else is corruption and stops the journal from opening.
 */
final class JournalScan {

    private static final Logger LOG = Logger.getLogger(JournalScan.class.getName());

    /** A record not yet in the store: its seq, the bytes of its journal line and when it was written. */
    record Unshipped(long seq, long bytes, Instant appendedAt) {
    }

    /** A begin no record has completed yet, and the file it is in. */
    record OpenBegin(long fileNumber, JsonObject entry) {
    }

    final List<JournalFile> files = new ArrayList<>();
    final Map<String, OpenBegin> openBegins = new LinkedHashMap<>();
    final ArrayDeque<Unshipped> unshipped = new ArrayDeque<>();
    JsonObject lastRecord;
    private long expectedSeq;
    private String expectedPrev;
    private final ShippedMark shipped;

    private JournalScan(ShippedMark shipped) {
        this.shipped = shipped;
        this.expectedSeq = shipped.seq() + 1;
        this.expectedPrev = shipped.hash();
    }

    static JournalScan of(Path dir, String instance, ShippedMark shipped) throws IOException {
        var scan = new JournalScan(shipped);
        List<Path> paths;
        try (Stream<Path> list = Files.list(dir)) {
            paths = list.filter(p -> JournalFile.number(p, instance).isPresent())
                    .sorted(Comparator.comparing(p -> JournalFile.number(p, instance).get())).toList();
        }
        for (int i = 0; i < paths.size(); i++) {
            scan.read(paths.get(i), JournalFile.number(paths.get(i), instance).get(), i == paths.size() - 1);
        }
        return scan;
    }

    private void read(Path path, long number, boolean last) throws IOException {
        var bytes = Files.readAllBytes(path);
        var file = new JournalFile(number, path, 0);
        files.add(file);
        int start = 0;
        while (start < bytes.length) {
            int end = indexOf(bytes, (byte) '\n', start);
            JournalEntry entry = null;
            if (end >= 0) {
                try {
                    entry = JournalEntry.parse(new String(bytes, start, end - start, StandardCharsets.UTF_8));
                } catch (IllegalArgumentException e) {
                    entry = null;
                }
            }
            if (entry == null) {
                if (!last || (end >= 0 && end + 1 < bytes.length)) {
                    throw new IOException("journal corrupt: " + path + " at byte " + start);
                }
                truncate(path, start, bytes.length - start);
                break;
            }
            take(entry, file, end + 1 - start);
            start = end + 1;
            file.size = start;
        }
    }

    private void take(JournalEntry entry, JournalFile file, long lineBytes) throws IOException {
        if (!entry.isRecord()) {
            openBegins.put(entry.requestId(), new OpenBegin(file.number, entry.json()));
            return;
        }
        var link = entry.link();
        var id = JournalEntry.recordId(entry.record());
        if (id != null) {
            openBegins.remove(id);
        }
        file.recorded(link.seq());
        if (link.seq() < expectedSeq) {
            return; // shipped already; the file is kept for a begin still open in it, or awaits deletion
        }
        if (link.seq() != expectedSeq || !link.prevHash().equals(expectedPrev)) {
            throw new IOException("journal chain broken: expected seq " + expectedSeq + " after the shipped mark "
                    + shipped.seq() + ", found " + link.seq() + " in " + file.path);
        }
        expectedSeq++;
        expectedPrev = link.hash();
        lastRecord = entry.record();
        unshipped.add(new Unshipped(link.seq(), lineBytes, Instant.now()));
    }

    private static void truncate(Path path, long size, int torn) throws IOException {
        LOG.warning("journal " + path + ": truncating a torn last entry of " + torn + " bytes (crash mid-write)");
        try (var channel = FileChannel.open(path, StandardOpenOption.WRITE)) {
            channel.truncate(size);
            channel.force(true);
        }
    }

    private static int indexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
