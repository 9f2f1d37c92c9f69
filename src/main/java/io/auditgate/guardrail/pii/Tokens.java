package io.auditgate.guardrail.pii;

import java.util.Arrays;
import java.util.regex.Matcher;

/**
 * The text to scan, and where a candidate may begin: a character of the right kind that does not continue a word or
 * number. Token starts are found once, in one pass, and shared by the nine token-led recognizers. The six digit-led
 * ones then try a plain character scan ({@link NumberShapes}) at those positions; the letter-led ones try a regex
 * ({@link Matcher#lookingAt()}), and only where a cheap {@link Shape} check passes, instead of {@code find()} at every
 * character.
 */
final class Tokens {

    enum Start {
        DIGIT, PHONE, UPPER, LETTER, HEX;

        boolean accepts(char c) {
            return switch (this) {
                case DIGIT -> c >= '0' && c <= '9';
                case PHONE -> (c >= '0' && c <= '9') || c == '+' || c == '(';
                case UPPER -> c >= 'A' && c <= 'Z';
                case LETTER -> (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
                case HEX -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            };
        }
    }

    /** A cheap look at the characters after a token start, to skip the regex where it cannot match. */
    interface Shape {
        boolean plausibleAt(String text, int start);
    }

    /** A regex-free matcher: the end of the match that begins at {@code start}, or -1. */
    interface Extent {
        int endAt(String text, int start);
    }

    private final String text;
    private final int[] starts;
    private final int count;

    private Tokens(String text, int[] starts, int count) {
        this.text = text;
        this.starts = starts;
        this.count = count;
    }

    /** Indexes, in one pass, every position where a token of any {@link Start} kind may begin. */
    static Tokens of(String text) {
        int[] starts = new int[16];
        int count = 0;
        boolean afterWord = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!afterWord && (isAsciiLetterOrDigit(c) || c == '+' || c == '(')) {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i;
            }
            afterWord = c < 0x80 ? isAsciiLetterOrDigit(c) : Character.isLetterOrDigit(c);
        }
        return new Tokens(text, starts, count);
    }

    String text() {
        return text;
    }

    /**
     * Start of the next match of {@code extent} at a token start of kind {@code start} at or after {@code cursor[0]},
     * or -1. The cursor moves to the end of the match, so starts inside it are skipped.
     */
    int find(Start start, Extent extent, int[] cursor) {
        for (int k = firstAtOrAfter(cursor[0]); k < count; k++) {
            int i = starts[k];
            if (start.accepts(text.charAt(i))) {
                int end = extent.endAt(text, i);
                if (end >= 0) {
                    cursor[0] = end;
                    return i;
                }
            }
        }
        cursor[0] = text.length();
        return -1;
    }

    /**
     * Advances {@code matcher} (over this text) to the next match that begins at a token start where {@code shape}
     * holds, or returns false. The matcher's region is left at the match, so {@code start()}, {@code end()} and
     * {@code group()} work as after {@code find()}.
     */
    boolean find(Matcher matcher, Start start, Shape shape, int[] cursor) {
        for (int k = firstAtOrAfter(cursor[0]); k < count; k++) {
            int i = starts[k];
            if (start.accepts(text.charAt(i)) && shape.plausibleAt(text, i)
                    && matcher.region(i, text.length()).lookingAt()) {
                cursor[0] = matcher.end();
                return true;
            }
        }
        cursor[0] = text.length();
        return false;
    }

    private int firstAtOrAfter(int from) {
        int k = Arrays.binarySearch(starts, 0, count, from);
        return k < 0 ? -k - 1 : k;
    }

    static boolean charIs(String text, int index, String allowed) {
        return index < text.length() && allowed.indexOf(text.charAt(index)) >= 0;
    }

    static boolean isDigitAt(String text, int index) {
        return index < text.length() && Character.isDigit(text.charAt(index));
    }

    static boolean isUpperAt(String text, int index) {
        return index < text.length() && text.charAt(index) >= 'A' && text.charAt(index) <= 'Z';
    }

    static boolean isLetterAt(String text, int index) {
        return index < text.length() && Start.LETTER.accepts(text.charAt(index));
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
