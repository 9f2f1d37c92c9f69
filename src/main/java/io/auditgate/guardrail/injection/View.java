package io.auditgate.guardrail.injection;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One normalised view of a text, and where each anchor first occurs in it: the anchors of the view's
 * {@link AnchorSearch} are all found in one pass the first time one is asked for; any other anchor is looked up
 * with {@link String#indexOf} once, however many cues share it. Confined to the thread scanning the text.
 */
final class View {

    private final String text;
    private final AnchorSearch anchors;
    private int[] firsts; // by the search's slot; made on the first look-up
    private Map<String, Integer> others; // anchors the search does not hold

    View(String text, AnchorSearch anchors) {
        this.text = Objects.requireNonNull(text, "text");
        this.anchors = Objects.requireNonNull(anchors, "anchors");
    }

    String text() {
        return text;
    }

    /** The index of the first occurrence of {@code anchor}, or -1. */
    int first(String anchor) {
        int slot = anchors.slot(anchor);
        if (slot >= 0) {
            if (firsts == null) {
                firsts = anchors.firsts(text);
            }
            return firsts[slot];
        }
        if (others == null) {
            others = new HashMap<>();
        }
        return others.computeIfAbsent(anchor, text::indexOf);
    }

    @Override
    public String toString() {
        return text;
    }
}
