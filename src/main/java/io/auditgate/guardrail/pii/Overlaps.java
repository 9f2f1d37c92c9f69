package io.auditgate.guardrail.pii;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

/**
 * Resolves overlapping candidates: the longest wins, then the higher rank, then the type declared first in
 * {@link PiiType}. What survives is ordered by position.
 */
final class Overlaps {

    private static final Comparator<Candidate> PREFERENCE = Comparator.comparingInt(Candidate::length).reversed()
            .thenComparing(Comparator.comparingInt(Candidate::rank).reversed())
            .thenComparing(Candidate::type)
            .thenComparingInt(Candidate::start);

    private Overlaps() {
    }

    static List<Candidate> resolve(List<Candidate> candidates) {
        if (candidates.size() < 2) {
            return candidates;
        }
        var preferred = new ArrayList<>(candidates);
        preferred.sort(PREFERENCE);
        var kept = new TreeMap<Integer, Candidate>();
        for (Candidate candidate : preferred) {
            // Kept candidates never overlap, so only the last one starting before this one ends can overlap it.
            var before = kept.lowerEntry(candidate.end());
            if (before == null || before.getValue().end() <= candidate.start()) {
                kept.put(candidate.start(), candidate);
            }
        }
        return new ArrayList<>(kept.values());
    }
}
