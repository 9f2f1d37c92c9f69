package io.auditgate.guardrail.pii;

import java.util.Comparator;
import java.util.List;

/**
 * Which ranges a list of findings covers, for a recognizer that need not look at a run another one already claimed
 * (a phone number ranks lowest, so a run covered by an equally long finding need not be parsed). Sorted by start with
 * the furthest end reached so far, so each question costs one binary search; a walk over every finding per question
 * grew quadratic with the text.
 */
final class Coverage {

    private final int[] starts;
    private final int[] furthestEnds;

    /** A snapshot of {@code found}: findings added to the list later are not seen. */
    Coverage(List<Candidate> found) {
        var sorted = found.stream().sorted(Comparator.comparingInt(Candidate::start)).toList();
        starts = new int[sorted.size()];
        furthestEnds = new int[sorted.size()];
        int furthest = -1;
        for (int i = 0; i < starts.length; i++) {
            starts[i] = sorted.get(i).start();
            furthest = Math.max(furthest, sorted.get(i).end());
            furthestEnds[i] = furthest;
        }
    }

    /** Whether one finding starts at or before {@code start} and ends at or after {@code end}. */
    boolean covers(int start, int end) {
        int low = 0;
        int high = starts.length; // finds the first index whose start is after {@code start}
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (starts[middle] <= start) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low > 0 && furthestEnds[low - 1] >= end;
    }
}
