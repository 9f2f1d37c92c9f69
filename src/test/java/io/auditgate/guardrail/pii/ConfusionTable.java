package io.auditgate.guardrail.pii;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Per-type TP/FP/FN counts over the corpus, plus the list of mistakes for the report. A detection is a true
 * positive when it overlaps an expected span of the same type.
 */
final class ConfusionTable {
    private final Map<PiiType, int[]> counts = new EnumMap<>(PiiType.class);
    private final List<String> mistakes = new ArrayList<>();
    private int exact;

    void score(CorpusCase c, List<PiiFinding> found) {
        for (CorpusCase.Span expected : c.spans()) {
            var match = found.stream().filter(f -> f.type() == expected.type()
                    && f.start() < expected.end() && expected.start() < f.end()).findFirst();
            count(expected.type())[match.isPresent() ? 0 : 2]++;
            if (match.isEmpty()) {
                mistakes.add("FN " + c.id() + " " + expected.type() + " '"
                        + c.text().substring(expected.start(), expected.end()) + "'");
            } else if (match.get().start() == expected.start() && match.get().end() == expected.end()) {
                exact++;
            }
        }
        for (PiiFinding f : found) {
            boolean expected = c.spans().stream().anyMatch(s -> s.type() == f.type()
                    && f.start() < s.end() && s.start() < f.end());
            if (!expected) {
                count(f.type())[1]++;
                mistakes.add("FP " + c.id() + " " + f.type() + " '" + c.text().substring(f.start(), f.end()) + "'");
            }
        }
    }

    private int[] count(PiiType type) {
        return counts.computeIfAbsent(type, t -> new int[3]);
    }

    Set<PiiType> expectedTypes() {
        return counts.keySet();
    }

    int truePositives(PiiType type) {
        return count(type)[0];
    }

    double recall(PiiType type) {
        int[] c = count(type);
        return c[0] + c[2] == 0 ? 1.0 : (double) c[0] / (c[0] + c[2]);
    }

    double overallPrecision() {
        int tp = counts.values().stream().mapToInt(c -> c[0]).sum();
        int fp = counts.values().stream().mapToInt(c -> c[1]).sum();
        return tp + fp == 0 ? 1.0 : (double) tp / (tp + fp);
    }

    List<String> mistakes() {
        return mistakes;
    }

    String render() {
        var out = new StringBuilder(String.format("%-34s %5s %5s %5s %9s %7s%n", "type", "TP", "FP", "FN",
                "precision", "recall"));
        int[] total = new int[3];
        counts.forEach((type, c) -> {
            out.append(row(type.name(), c));
            for (int i = 0; i < 3; i++) {
                total[i] += c[i];
            }
        });
        out.append(row("ALL", total));
        out.append(String.format("exact boundaries: %d of %d true positives%n", exact, total[0]));
        return out.toString();
    }

    private static String row(String name, int[] c) {
        double precision = c[0] + c[1] == 0 ? 1.0 : (double) c[0] / (c[0] + c[1]);
        double recall = c[0] + c[2] == 0 ? 1.0 : (double) c[0] / (c[0] + c[2]);
        return String.format("%-34s %5d %5d %5d %8.1f%% %6.1f%%%n", name, c[0], c[1], c[2], 100 * precision,
                100 * recall);
    }
}
