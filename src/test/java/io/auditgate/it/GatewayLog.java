package io.auditgate.it;

import io.auditgate.testing.BootWatch;
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
    /** Where the output of the Payara Micro process Arquillian starts next (or last started) begins. */
    private static int bootStart;

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

    /** Marks the start of the next Payara Micro boot's output: what an earlier boot wrote is not this one's. */
    static void markBoot() {
        synchronized (CAPTURED) {
            bootStart = CAPTURED.size();
        }
    }

    /**
     * The Payara Micro process Arquillian started last (found among this JVM's descendants by the {@code
     * payara.microJar} it runs; none if not found, e.g. where the OS hides command lines), watched over the output
     * it has written since {@link #markBoot()}.
     */
    static BootWatch watch() {
        var process = BootWatch.newestDescendantRunning(System.getProperty("payara.microJar", "payara-micro.jar"));
        return BootWatch.of("Payara Micro (Arquillian)", process, GatewayLog::sinceBoot,
                "its output captured since its WAR was built");
    }

    private static String sinceBoot() {
        synchronized (CAPTURED) {
            var bytes = CAPTURED.toByteArray();
            return new String(bytes, bootStart, bytes.length - bootStart, StandardCharsets.UTF_8);
        }
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
