package io.auditgate.guardrail.injection;

import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A phrase pattern, the weight of finding it, and its anchors: literal strings of which at least one occurs
 * in every match. {@link String#indexOf} finds an anchor many times faster than a pattern can be tried at
 * every position of a 32 KB prompt, so the pattern runs only where an anchor is. A leading cue's matches
 * start at an anchor, so the pattern is tried only there; other cues search the whole text once an anchor is
 * present. Patterns use bounded gaps such as {@code [^.!?;\n]{0,30}} and never nest quantifiers.
 *
 * @param weight  the evidence a match gives, in (0, 1]
 * @param anchors at least one, lower case, as they appear in the view the cue is matched against
 * @param leading whether every match starts where an anchor starts
 * @param pattern the phrase
 */
record Cue(double weight, List<String> anchors, boolean leading, Pattern pattern) {

    Cue {
        if (!(weight > 0.0 && weight <= 1.0)) {
            throw new IllegalArgumentException("weight must be in (0, 1]: " + weight);
        }
        anchors = List.copyOf(anchors);
        Objects.requireNonNull(pattern, "pattern");
        if (anchors.isEmpty()) {
            throw new IllegalArgumentException("a cue needs at least one anchor: " + pattern);
        }
    }

    /** A cue whose matches start at one of the anchors. */
    static Cue lead(double weight, List<String> anchors, String regex) {
        return new Cue(weight, anchors, true, Pattern.compile(regex));
    }

    /** A cue whose matches contain one of the anchors somewhere. */
    static Cue cue(double weight, List<String> anchors, String regex) {
        return new Cue(weight, anchors, false, Pattern.compile(regex));
    }

    boolean foundIn(View view) {
        String text = view.text();
        if (!leading) {
            for (String anchor : anchors) {
                if (view.first(anchor) >= 0) {
                    return pattern.matcher(text).find();
                }
            }
            return false;
        }
        Matcher matcher = null; // made only where an anchor is: most texts hold none of a cue's anchors
        for (String anchor : anchors) {
            for (int at = view.first(anchor); at >= 0; at = text.indexOf(anchor, at + 1)) {
                if (matcher == null) {
                    matcher = pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
                }
                if (matcher.region(at, text.length()).lookingAt()) {
                    return true;
                }
            }
        }
        return false;
    }
}
