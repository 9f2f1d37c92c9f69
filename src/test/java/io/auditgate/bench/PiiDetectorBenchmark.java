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

    private final PiiDetector detector = new PiiDetector();
    private String small;
    private String large;
    private String dense;

    @Setup
    public void prepare() {
        small = Prompts.prompt(SMALL, SMALL);
        large = Prompts.prompt(LARGE, 4 * 1024);
        dense = Prompts.prompt(LARGE, 0);
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
