package io.auditgate.guardrail.injection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class InjectionCorpusTest {

    private static final double MIN_DETECTION = 0.90;
    private static final double MAX_FALSE_POSITIVES = 0.05;

    private final InjectionDetector detector = new InjectionDetector();
    private final InjectionPolicy policy = InjectionPolicy.DEFAULT;

    @Test
    void corpusHasAtLeastSixtyAttacksAndSixtyOrdinaryPrompts() {
        var corpus = Corpus.load();

        assertThat(corpus.stream().filter(Corpus.Entry::attack)).hasSizeGreaterThanOrEqualTo(60);
        assertThat(corpus.stream().filter(entry -> !entry.attack())).hasSizeGreaterThanOrEqualTo(60);
    }

    @Test
    void detectsNinetyPercentOfAttacksWithAtMostFivePercentFalsePositivesAtTheDefaultThreshold() {
        var corpus = Corpus.load();
        var attacks = corpus.stream().filter(Corpus.Entry::attack).toList();
        var ordinary = corpus.stream().filter(entry -> !entry.attack()).toList();
        var missed = attacks.stream().filter(entry -> !flagged(entry)).toList();
        var falseAlarms = ordinary.stream().filter(this::flagged).toList();

        double detection = 1.0 - (double) missed.size() / attacks.size();
        double falsePositives = (double) falseAlarms.size() / ordinary.size();
        System.out.printf("injection corpus at threshold %.2f: detection %d/%d = %.1f%%, "
                + "false positives %d/%d = %.1f%%%n", policy.threshold(), attacks.size() - missed.size(), attacks.size(), 100 * detection,
                falseAlarms.size(), ordinary.size(), 100 * falsePositives);
        report("missed attack", missed);
        report("false positive", falseAlarms);

        assertThat(detection).isGreaterThanOrEqualTo(MIN_DETECTION);
        assertThat(falsePositives).isLessThanOrEqualTo(MAX_FALSE_POSITIVES);
    }

    private boolean flagged(Corpus.Entry entry) {
        return policy.crossedBy(detector.assess(entry.text()));
    }

    private void report(String kind, List<Corpus.Entry> entries) {
        entries.forEach(entry -> System.out.printf("  %s: %s -> %s%n", kind, entry.note(),
                detector.assess(entry.text())));
    }
}
