package io.auditgate.it;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * The gateway's standard output as the tests see it: the Payara Micro adapter echoes the process's output on
 * this JVM's {@code System.out}, which {@link #capture()} tees into memory.
 */
final class GatewayLog {

    private static final ByteArrayOutputStream CAPTURED = new ByteArrayOutputStream();
    private static boolean capturing;

    private GatewayLog() {
    }

    /** Starts teeing this JVM's standard output, once for all test classes. */
    static synchronized void capture() {
        if (capturing) {
            return;
        }
        capturing = true;
        var original = System.out;
        System.setOut(new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                original.write(b);
                synchronized (CAPTURED) {
                    CAPTURED.write(b);
                }
            }

            @Override
            public void write(byte[] b, int off, int len) {
                original.write(b, off, len);
                synchronized (CAPTURED) {
                    CAPTURED.write(b, off, len);
                }
            }
        }, true, StandardCharsets.UTF_8));
    }

    static String all() {
        synchronized (CAPTURED) {
            return CAPTURED.toString(StandardCharsets.UTF_8);
        }
    }

    /** The lines mentioning {@code token}, waiting up to {@code patience} for them to be written. */
    static List<String> linesContaining(String token, Duration patience) throws InterruptedException {
        var deadline = System.nanoTime() + patience.toNanos();
        List<String> lines;
        do {
            lines = all().lines().filter(line -> line.contains(token)).toList();
            if (!lines.isEmpty()) {
                return lines;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        return lines;
    }
}
