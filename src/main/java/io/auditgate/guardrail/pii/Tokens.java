package io.auditgate.guardrail.pii;

import java.util.regex.Matcher;

/**
 * Finds where a candidate may begin: a character of the right kind that does not continue a word or number. Trying
 * a regex only at those positions ({@link Matcher#lookingAt()}) instead of at every character ({@code find()}) is
 * what keeps a dozen recognizers fast on long prompts.
 */
final class Tokens {

    enum Start {
        DIGIT, PHONE, UPPER, HEX;

        boolean accepts(char c) {
            return switch (this) {
                case DIGIT -> c >= '0' && c <= '9';
                case PHONE -> (c >= '0' && c <= '9') || c == '+' || c == '(';
                case UPPER -> c >= 'A' && c <= 'Z';
                case HEX -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            };
        }
    }

    /** A cheap look at the characters after a token start, to skip the regex where it cannot match. */
    interface Shape {
        boolean plausibleAt(String text, int start);
    }

    private Tokens() {
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

    /** Index of the next token start at or after {@code from}, or -1. */
    static int next(String text, int from, Start start) {
        for (int i = from; i < text.length(); i++) {
            if (start.accepts(text.charAt(i)) && (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)))) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Advances {@code matcher} to the next match that begins at a token start, or returns false. The matcher's
     * region is left at the match, so {@code start()}, {@code end()} and {@code group()} work as after {@code find()}.
     */
    static boolean find(Matcher matcher, String text, Start start, int[] cursor) {
        return find(matcher, text, start, (t, i) -> true, cursor);
    }

    /** As {@link #find(Matcher, String, Start, int[])}, trying the regex only where {@code shape} holds. */
    static boolean find(Matcher matcher, String text, Start start, Shape shape, int[] cursor) {
        int i = next(text, cursor[0], start);
        while (i >= 0) {
            if (shape.plausibleAt(text, i) && matcher.region(i, text.length()).lookingAt()) {
                cursor[0] = matcher.end();
                return true;
            }
            i = next(text, i + 1, start);
        }
        cursor[0] = text.length();
        return false;
    }
}
