package io.auditgate.bench;

import io.auditgate.guardrail.pii.PiiDetector;
import io.auditgate.guardrail.pii.PiiFinding;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Throughput of {@link PiiDetector#detect(String)}: a 1 KiB prompt with four PII items (e-mail, phone, card,
 * IBAN), a 32 KiB prompt with the same four items every 4 KiB (32 items), and a dense 32 KiB worst case with them
 * after every paragraph (about 290 items). Prompts are ASCII, so characters equal bytes; MB/s is ops/s times the
 * size, as {@code bench/pii-detector.sh} prints.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PiiDetectorBenchmark {

    public static final int SMALL = 1024;
    public static final int LARGE = 32 * 1024;

    private static final String PROSE = "Customer called about a disputed payment on their current account. They confirmed "
            + "the last three transactions, the standing order for rent on the 1st of each month and the direct debit "
            + "for the energy supplier, and asked whether the overdraft limit of 1,500.00 could be raised before "
            + "2024-07-01. Advised that a decision takes 5-7 working days; ticket SR-20931 updated at 14:32. ";
    private static final String PII = "Please reply to jane.doe@example.com or call +44 20 7946 0958; card "
            + "4111 1111 1111 1111 was charged twice, refund to IBAN GB82 WEST 1234 5698 7654 32. ";

    private final PiiDetector detector = new PiiDetector();
    private String small;
    private String large;
    private String dense;

    @Setup
    public void prepare() {
        small = prompt(SMALL, SMALL);
        large = prompt(LARGE, 4 * 1024);
        dense = prompt(LARGE, 0);
    }

    /** Prose of {@code size} characters with the PII sentence inserted once every {@code piiEvery} characters. */
    static String prompt(int size, int piiEvery) {
        var text = new StringBuilder(size + PROSE.length() + PII.length());
        int nextPii = 0;
        while (text.length() < size) {
            if (text.length() >= nextPii) {
                text.append(PII);
                nextPii += piiEvery;
            }
            text.append(PROSE);
        }
        text.setLength(size);
        return text.toString();
    }

    @Benchmark
    public List<PiiFinding> detect1KiB() {
        return detector.detect(small);
    }

    @Benchmark
    public List<PiiFinding> detect32KiB() {
        return detector.detect(large);
    }

    @Benchmark
    public List<PiiFinding> detect32KiBDense() {
        return detector.detect(dense);
    }
}
