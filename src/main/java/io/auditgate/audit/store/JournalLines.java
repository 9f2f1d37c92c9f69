package io.auditgate.audit.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * The lines of one journal file from an offset up to its durable length, read in blocks of 64 KB or more: a line
 * longer than the buffer grows it. Each line is returned with its {@code \n}; one that lacks it within the length is
 * IOException.
 */
final class JournalLines implements AutoCloseable {

    private final FileChannel channel;
    private long unread; // bytes of the file not yet in the buffer
    private byte[] buffer = new byte[1 << 16];
    private int start; // the next line starts here in the buffer
    private int filled; // the buffer holds bytes up to here

    private JournalLines(FileChannel channel, long length) {
        this.channel = channel;
        this.unread = length;
    }

    static JournalLines open(Path file, long offset, long end) throws IOException {
        var channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            channel.position(offset);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        return new JournalLines(channel, end - offset);
    }

    /** The next line with its newline, or null at the durable end. */
    byte[] next() throws IOException {
        int searched = start;
        while (true) {
            for (int i = searched; i < filled; i++) {
                if (buffer[i] == '\n') {
                    var line = Arrays.copyOfRange(buffer, start, i + 1);
                    start = i + 1;
                    return line;
                }
            }
            searched = filled;
            if (unread == 0) {
                if (start == filled) {
                    return null;
                }
                throw new IOException("journal line without its end within the durable length");
            }
            searched -= start;
            fill();
        }
    }

    /** Moves the unfinished line to the front, grows the buffer if the line fills it, and reads more. */
    private void fill() throws IOException {
        int pending = filled - start;
        if (pending == buffer.length) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        } else if (start > 0) {
            System.arraycopy(buffer, start, buffer, 0, pending);
        }
        start = 0;
        filled = pending;
        int read = channel.read(ByteBuffer.wrap(buffer, filled, (int) Math.min(buffer.length - filled, unread)));
        if (read < 0) {
            throw new IOException("journal file shorter than its durable length");
        }
        filled += read;
        unread -= read;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
