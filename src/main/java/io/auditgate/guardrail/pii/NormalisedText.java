package io.auditgate.guardrail.pii;

import java.text.Normalizer;
import java.util.Arrays;

/**
 * The text the recognizers scan: what a model reads, spelled in ASCII where the patterns need it, plus a map from
 * every scanned character back to the original. One pass, linear in the text:
 * <ul>
 *   <li>decimal digits of every script (Arabic-Indic, Devanagari, full-width ...) become ASCII digits;</li>
 *   <li>format characters (Unicode category Cf: zero-width and bidirectional marks, invisible operators such as
 *       U+2062, the byte-order mark, tag characters), combining and enclosing marks and variation selectors are
 *       dropped, because a model reads through them;</li>
 *   <li>tabs and every Unicode space become one space, and a run of them counts as one;</li>
 *   <li>Unicode dashes become {@code -}, and everything else is NFKC-normalised.</li>
 * </ul>
 * Plain ASCII text without tabs or double spaces, the common case, is used as it is without copying.
 */
final class NormalisedText {

    private final String text;
    private final int[] originalStarts;
    private final int[] originalEnds;

    private NormalisedText(String text, int[] originalStarts, int[] originalEnds) {
        this.text = text;
        this.originalStarts = originalStarts;
        this.originalEnds = originalEnds;
    }

    static NormalisedText of(String original) {
        return isScannableAsIs(original) ? new NormalisedText(original, null, null) : normalise(original);
    }

    String text() {
        return text;
    }

    /** Original index of the first character behind normalised index {@code start}. */
    int originalStart(int start) {
        return originalStarts == null ? start : originalStarts[start];
    }

    /** Original exclusive end of the character just before normalised (exclusive) index {@code end}. */
    int originalEnd(int end) {
        return originalEnds == null ? end : originalEnds[end - 1];
    }

    /** Characters a reader does not see as characters of their own: dropped before scanning. */
    static boolean isIgnorable(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.FORMAT || type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK;
    }

    /** A combining or enclosing mark, or a variation selector: part of the character before it. */
    private static boolean isMark(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK;
    }

    private static boolean isScannableAsIs(String text) {
        char previous = 'x';
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80 || c == '\t' || (c == ' ' && previous == ' ')) {
                return false;
            }
            previous = c;
        }
        return true;
    }

    private static NormalisedText normalise(String original) {
        var out = new Builder(original.length());
        int i = 0;
        while (i < original.length()) {
            int codePoint = original.codePointAt(i);
            int next = i + Character.charCount(codePoint);
            if (codePoint < 0x80) {
                out.append(codePoint == '\t' ? ' ' : (char) codePoint, i, next);
            } else if (isMark(codePoint)) {
                out.widenLast(next);
            } else if (!isIgnorable(codePoint)) {
                String mapped = map(codePoint);
                for (int k = 0; k < mapped.length(); k++) {
                    out.append(mapped.charAt(k), i, next);
                }
            }
            i = next;
        }
        return out.build();
    }

    private static String map(int codePoint) {
        int type = Character.getType(codePoint);
        if (type == Character.DECIMAL_DIGIT_NUMBER) {
            return String.valueOf((char) ('0' + Character.digit(codePoint, 10)));
        }
        if (type == Character.SPACE_SEPARATOR) {
            return " ";
        }
        if ((codePoint >= 0x2010 && codePoint <= 0x2015) || codePoint == 0x2212) {
            return "-";
        }
        return Normalizer.normalize(new String(Character.toChars(codePoint)), Normalizer.Form.NFKC);
    }

    /** The normalised text and its map; a space after a space widens the first instead of adding a second. */
    private static final class Builder {

        private final StringBuilder text;
        private int[] starts;
        private int[] ends;

        Builder(int capacity) {
            text = new StringBuilder(capacity);
            starts = new int[capacity + 16];
            ends = new int[capacity + 16];
        }

        void append(char c, int originalStart, int originalEnd) {
            int length = text.length();
            if (c == ' ' && length > 0 && text.charAt(length - 1) == ' ') {
                ends[length - 1] = originalEnd;
                return;
            }
            if (length == starts.length) {
                starts = Arrays.copyOf(starts, length * 2);
                ends = Arrays.copyOf(ends, length * 2);
            }
            starts[length] = originalStart;
            ends[length] = originalEnd;
            text.append(c);
        }

        /** Makes the last character also cover the original up to {@code originalEnd}. */
        void widenLast(int originalEnd) {
            if (text.length() > 0) {
                ends[text.length() - 1] = originalEnd;
            }
        }

        NormalisedText build() {
            return new NormalisedText(text.toString(), starts, ends);
        }
    }
}
