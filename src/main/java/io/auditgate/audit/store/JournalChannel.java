package io.auditgate.audit.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * The journal file being written ({@link JournalState#active}) and the state of its disk. It writes and forces bytes
 * through the {@link JournalDisk} seam and counts the forces; after a failed write {@link #rollBack} cuts the file to
 * its durable length and marks the disk failed, and {@link #recover} reopens the file and probes the disk with a
 * synced 4 KB file until it works again. {@link #roll} moves on to a new file once the active one is full. Writer
 * thread only, except {@link #isFailed} and {@link #forces}, which any thread may read.
 */
final class JournalChannel {

    private static final Logger LOG = Logger.getLogger(JournalChannel.class.getName());

    private final Path dir;
    private final JournalState state;
    private final JournalDisk disk;
    private final AtomicLong forces = new AtomicLong();
    private FileChannel channel; // null when it must be reopened
    private volatile IOException failure;

    private JournalChannel(Path dir, JournalState state, JournalDisk disk) {
        this.dir = dir;
        this.state = state;
        this.disk = disk;
    }

    /** Opens the active file at its durable length. */
    static JournalChannel open(Path dir, JournalState state, JournalDisk disk) throws IOException {
        var opened = new JournalChannel(dir, state, disk);
        opened.channel = opened.openActive();
        return opened;
    }

    void write(byte[] bytes) throws IOException {
        disk.write(channel, ByteBuffer.wrap(bytes));
    }

    /** fdatasync of what was written. */
    void force() throws IOException {
        disk.force(channel);
        forces.incrementAndGet();
    }

    /** fsyncs of journal data so far. */
    long forces() {
        return forces.get();
    }

    /** True from a failed write until {@link #recover} finds the disk working. */
    boolean isFailed() {
        return failure != null;
    }

    IOException failure() {
        return failure;
    }

    /** A write or force failed: cuts the file back to its durable length, so nothing half-written stays. */
    void rollBack(Exception cause) {
        if (failure == null) {
            LOG.severe("audit journal " + dir + " cannot write, refusing entries: " + cause);
        }
        failure = cause instanceof IOException io ? io : new IOException(cause);
        try {
            channel.truncate(state.activeSize());
            channel.position(state.activeSize());
        } catch (IOException | RuntimeException e) {
            close();
        }
    }

    /** Reopens the file if needed and writes and syncs a probe file; true if the disk works again. */
    boolean recover() {
        try {
            if (channel == null) {
                channel = openActive();
            }
            channel.truncate(state.activeSize());
            channel.position(state.activeSize());
            var probe = dir.resolve("probe.tmp");
            try (var p = FileChannel.open(probe, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                disk.write(p, ByteBuffer.allocate(4096));
                disk.force(p);
            } finally {
                Files.deleteIfExists(probe);
            }
            failure = null;
            LOG.warning("audit journal " + dir + " is writable again");
            return true;
        } catch (IOException | RuntimeException e) {
            failure = e instanceof IOException io ? io : new IOException(e);
            return false;
        }
    }

    /** Moves on to a new journal file; on failure keeps writing the current one. */
    void roll() {
        try {
            var path = state.nextPath();
            var next = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            AtomicFiles.syncDirectory(dir);
            state.roll(path);
            var old = channel;
            channel = next;
            old.close();
            LOG.fine("audit journal rolled to " + path);
        } catch (IOException e) {
            LOG.warning("audit journal cannot roll to a new file, continuing in the current one: " + e);
        }
    }

    void close() {
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException ignored) {
            // the channel is being abandoned because it failed
        }
        channel = null;
    }

    private FileChannel openActive() throws IOException {
        var file = state.active();
        var opened = FileChannel.open(file.path, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        opened.position(file.size);
        return opened;
    }
}
