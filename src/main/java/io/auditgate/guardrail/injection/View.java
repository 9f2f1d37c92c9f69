package io.auditgate.guardrail.injection;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One normalised view of a text, and where each anchor first occurs in it, looked up once however many cues
 * share the anchor (the override verbs anchor six cues). Confined to the thread scanning the text.
 */
final class View {

    private final String text;
    private final Map<String, Integer> first = new HashMap<>();

    View(String text) {
        this.text = Objects.requireNonNull(text, "text");
    }

    String text() {
        return text;
    }

    /** The index of the first occurrence of {@code anchor}, or -1. */
    int first(String anchor) {
        return first.computeIfAbsent(anchor, text::indexOf);
    }

    @Override
    public String toString() {
        return text;
    }
}
