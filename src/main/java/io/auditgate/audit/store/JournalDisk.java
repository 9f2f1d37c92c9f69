package io.auditgate.audit.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/** The journal's two disk operations, a seam so tests can make the disk fail (full, read-only) and recover. */
interface JournalDisk {

    void write(FileChannel channel, ByteBuffer bytes) throws IOException;

    /** fdatasync: the written bytes (and the file length) reach stable storage before this returns. */
    void force(FileChannel channel) throws IOException;

    JournalDisk REAL = new JournalDisk() {
        @Override
        public void write(FileChannel channel, ByteBuffer bytes) throws IOException {
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        }

        @Override
        public void force(FileChannel channel) throws IOException {
            channel.force(false);
        }
    };
}
