package io.auditgate.audit.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** Small files made durable: written, fsync'd, renamed into place, directory fsync'd. */
final class AtomicFiles {

    private AtomicFiles() {
    }

    /** Replaces {@code target} by {@code bytes} atomically: readers see the old or the new file, never a torn one. */
    static void replace(Path target, byte[] bytes) throws IOException {
        var tmp = target.resolveSibling(target.getFileName() + ".tmp");
        writeSynced(tmp, bytes);
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        syncDirectory(target.getParent());
    }

    static void writeSynced(Path file, byte[] bytes) throws IOException {
        try (var channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            var buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
    }

    /** Makes a created, renamed or deleted name durable (Linux); a no-op where directories cannot be opened. */
    static void syncDirectory(Path dir) throws IOException {
        try (var channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (UnsupportedOperationException | java.nio.file.AccessDeniedException notOnThisPlatform) {
            // Windows cannot open a directory; its renames are durable on their own
        }
    }
}
