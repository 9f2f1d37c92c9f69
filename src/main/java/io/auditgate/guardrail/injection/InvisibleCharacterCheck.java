package io.auditgate.guardrail.injection;

import java.util.Optional;

/**
 * Invisible characters: bidirectional overrides and isolates (U+202A..U+202E, U+2066..U+2069), which reorder
 * what a reviewer sees, and zero-width characters next to Latin letters, which split key words. Zero-width
 * joiners inside emoji and non-Latin scripts are ordinary and ignored. Pasted documents do carry stray
 * invisible characters, so each kind alone stays below the default threshold; both together, or either with
 * another signal, cross it. Text after a RIGHT-TO-LEFT OVERRIDE is displayed reversed, so it is reversed back
 * and rescanned.
 */
final class InvisibleCharacterCheck implements Check {

    private static final String ZERO_WIDTH = "\u200B\u200C\u200D\u2060\u2061\u2062\u2063\u2064\uFEFF\u180E";
    private static final char RIGHT_TO_LEFT_OVERRIDE = '\u202E';
    private static final String OVERRIDE_ENDS = "\u202C\u2069\n";
    private static final int MAX_REVERSED = 8192;
    private static final double BIDI_CONTROL = 0.4;
    private static final double ZERO_WIDTH_IN_WORD = 0.35;

    @Override
    public Optional<InjectionSignal> inspect(ScannedText text, Rescan rescan) {
        String raw = text.raw();
        boolean bidi = false;
        boolean zeroWidth = false;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            bidi |= c >= '\u202A' && c <= '\u202E' || c >= '\u2066' && c <= '\u2069';
            zeroWidth |= ZERO_WIDTH.indexOf(c) >= 0 && nextToLatinLetter(raw, i);
        }
        double reversed = bidi ? rescan.score(displayedReversed(raw)) : 0.0;
        double weight = InjectionAssessment.combine(bidi ? BIDI_CONTROL : 0.0, zeroWidth ? ZERO_WIDTH_IN_WORD : 0.0,
                reversed);
        return weight > 0.0 ? Optional.of(new InjectionSignal(Technique.INVISIBLE_CHARACTERS, weight))
                : Optional.empty();
    }

    /** The text of every right-to-left override, reversed as a reader would see it, one segment per line. */
    private static String displayedReversed(String raw) {
        var shown = new StringBuilder();
        int start = raw.indexOf(RIGHT_TO_LEFT_OVERRIDE);
        while (start >= 0 && shown.length() < MAX_REVERSED) {
            int end = start + 1;
            while (end < raw.length() && end - start < MAX_REVERSED && OVERRIDE_ENDS.indexOf(raw.charAt(end)) < 0) {
                end++;
            }
            shown.append(new StringBuilder(raw.substring(start + 1, end)).reverse()).append('\n');
            start = raw.indexOf(RIGHT_TO_LEFT_OVERRIDE, end);
        }
        return shown.toString();
    }

    private static boolean nextToLatinLetter(String raw, int at) {
        return at > 0 && isLatinLetter(raw.charAt(at - 1))
                || at + 1 < raw.length() && isLatinLetter(raw.charAt(at + 1));
    }

    private static boolean isLatinLetter(char c) {
        return c < '\u0250' && Character.isLetter(c);
    }
}
