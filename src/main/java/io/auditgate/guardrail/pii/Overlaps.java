package io.auditgate.guardrail.pii;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

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
        var kept = new ArrayList<Candidate>(preferred.size());
        for (Candidate candidate : preferred) {
            if (kept.stream().noneMatch(k -> k.start() < candidate.end() && candidate.start() < k.end())) {
                kept.add(candidate);
            }
        }
        kept.sort(Comparator.comparingInt(Candidate::start));
        return kept;
    }
}
