package io.auditgate.guardrail.injection;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Where each of a fixed set of anchors first occurs in a text, found in one pass: an Aho–Corasick automaton over the
 * anchors, with every transition resolved in advance. The cues' anchors (164 distinct ones in both views), each
 * searched with {@link String#indexOf}, cost a full scan of the text per absent anchor, megabytes for a 32 KB prompt.
 * Anchors with a character outside ASCII are not in the automaton ({@link #slot} is -1 for them). Immutable and
 * thread-safe.
 */
final class AnchorSearch {

    private static final int[] NONE = {};

    private final Map<String, Integer> slots = new HashMap<>();
    private final int[] lengths; // by slot
    private final int[] classOf = new int[128]; // ASCII character -> its column; 0: no anchor has it
    private final int columns;
    private final int[] next; // state * columns + column -> state
    private final int[][] ending; // by state: the slots of the anchors that end there

    private AnchorSearch(List<String> anchors) {
        lengths = new int[anchors.size()];
        int column = 1;
        for (int slot = 0; slot < anchors.size(); slot++) {
            var anchor = anchors.get(slot);
            slots.put(anchor, slot);
            lengths[slot] = anchor.length();
            for (char c : anchor.toCharArray()) {
                if (classOf[c] == 0) {
                    classOf[c] = column++;
                }
            }
        }
        columns = column;
        // the trie: -1 is "no edge yet"; the anchors are distinct, so each ends at a state of its own
        var edges = new ArrayList<int[]>();
        var ends = new ArrayList<Integer>(); // by state: the slot of the anchor that ends there, or -1
        edges.add(newRow());
        ends.add(-1);
        for (int slot = 0; slot < anchors.size(); slot++) {
            int state = 0;
            for (char c : anchors.get(slot).toCharArray()) {
                int to = edges.get(state)[classOf[c]];
                if (to < 0) {
                    to = edges.size();
                    edges.get(state)[classOf[c]] = to;
                    edges.add(newRow());
                    ends.add(-1);
                }
                state = to;
            }
            ends.set(state, slot);
        }
        // breadth first: each missing edge goes where the longest proper suffix's would, and each state also ends
        // the anchors its longest proper suffix ends
        int states = edges.size();
        next = new int[states * columns];
        ending = new int[states][];
        var fail = new int[states];
        var queue = new ArrayDeque<Integer>();
        for (int c = 0; c < columns; c++) {
            int to = edges.get(0)[c];
            next[c] = Math.max(to, 0);
            if (to > 0) {
                queue.add(to); // fail[to] is the root, 0
            }
        }
        ending[0] = NONE;
        while (!queue.isEmpty()) {
            int state = queue.poll();
            // its own anchor, then those of its longest proper suffix: shorter anchors, so never its own
            int own = ends.get(state);
            var inherited = ending[fail[state]];
            ending[state] = own < 0 ? inherited
                    : IntStream.concat(IntStream.of(own), IntStream.of(inherited)).toArray();
            for (int c = 0; c < columns; c++) {
                int to = edges.get(state)[c];
                if (to > 0) {
                    fail[to] = next[fail[state] * columns + c];
                    next[state * columns + c] = to;
                    queue.add(to);
                } else {
                    next[state * columns + c] = next[fail[state] * columns + c];
                }
            }
        }
    }

    private int[] newRow() {
        var row = new int[columns];
        Arrays.fill(row, -1);
        return row;
    }

    /** An automaton over the distinct ASCII anchors among {@code anchors}; others are left out. */
    static AnchorSearch of(Collection<String> anchors) {
        return new AnchorSearch(anchors.stream().filter(a -> !a.isEmpty() && a.chars().allMatch(c -> c < 128))
                .distinct().toList());
    }

    /** The anchor's slot in {@link #firsts}, or -1 if it is not in the automaton. */
    int slot(String anchor) {
        return slots.getOrDefault(anchor, -1);
    }

    /** By slot: the index where each anchor first occurs in {@code text}, or -1. */
    int[] firsts(String text) {
        var firsts = new int[lengths.length];
        Arrays.fill(firsts, -1);
        int missing = firsts.length;
        int state = 0;
        for (int i = 0; i < text.length() && missing > 0; i++) {
            char c = text.charAt(i);
            state = next[state * columns + (c < 128 ? classOf[c] : 0)];
            for (int slot : ending[state]) {
                if (firsts[slot] < 0) {
                    firsts[slot] = i + 1 - lengths[slot];
                    missing--;
                }
            }
        }
        return firsts;
    }
}
