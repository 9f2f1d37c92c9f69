package io.auditgate.guardrail.pii;

/**
 * The shapes of the digit-led candidates, as plain character scans. Each method returns the end of the match that
 * {@link java.util.regex.Matcher#lookingAt()} would find for the regex in its doc at {@code start}, or -1; a regex
 * would cost a matcher reset per try, which at every number of a long prompt was most of the detector's time.
 * {@code NumberShapesTest} checks each scan against its regex.
 */
final class NumberShapes {

    private static final int MAX_PHONE_GROUPS = 16;
    private static final int MAX_PHONE_SEPARATORS = 3;
    /** What may stand between the digit groups of a number; tabs and Unicode spaces arrive as spaces. */
    static final String SEPARATORS = " -./";

    private NumberShapes() {
    }

    /**
     * {@code \d(?:[ -]?\d){12,}}, or the same with {@code .} or {@code /} as the only separator: a card number, plain
     * or grouped. Spaces and dashes may mix, as people type them; a dot or slash must be the run's one separator, so
     * that dotted quads, versions and dates next to other numbers do not join into one run.
     */
    static int cardRunEnd(String text, int start) {
        if (!isDigit(text, start)) {
            return -1;
        }
        int i = start + 1;
        int digits = 1;
        char kind = 0;
        while (true) {
            if (isDigit(text, i)) {
                i++;
            } else if (Tokens.charIs(text, i, SEPARATORS) && isDigit(text, i + 1)
                    && (kind == 0 || kind == separatorKind(text.charAt(i)))) {
                kind = separatorKind(text.charAt(i));
                i += 2;
            } else {
                return digits >= 13 ? i : -1;
            }
            digits++;
        }
    }

    private static char separatorKind(char separator) {
        return separator == '-' ? ' ' : separator;
    }

    /** {@code \d{3}([- ./]?)\d{middle}\1\d{4}}: an SSN (middle 2) or NHS number (middle 3). */
    static int groupedEnd(String text, int start, int middle) {
        return groupedEnd(text, start, middle, 4);
    }

    /** {@code \d{3}([- ./]?)\d{middle}\1\d{last}}: three groups, one separator used twice, or none. */
    static int groupedEnd(String text, int start, int middle, int last) {
        if (!digits(text, start, 3)) {
            return -1;
        }
        int separator = start + 3;
        int second = separator + 1 + middle;
        if (Tokens.charIs(text, separator, SEPARATORS) && digits(text, separator + 1, middle)
                && second < text.length() && text.charAt(second) == text.charAt(separator)
                && digits(text, second + 1, last)) {
            return second + 1 + last;
        }
        return digits(text, separator, middle + last) ? separator + middle + last : -1;
    }

    /** {@code \d{count}}. */
    static int digitsEnd(String text, int start, int count) {
        return digits(text, start, count) ? start + count : -1;
    }

    /** {@code \d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}}: a dotted quad. */
    static int dottedQuadEnd(String text, int start) {
        int i = start;
        for (int part = 0; part < 4; part++) {
            int length = 0;
            while (length < 3 && isDigit(text, i + length)) {
                length++;
            }
            if (length == 0) {
                return -1;
            }
            i += length;
            if (part < 3) {
                if (!Tokens.charIs(text, i, ".")) {
                    return -1;
                }
                i++;
            }
        }
        return i;
    }

    /** {@code \+?\(?\d(?:[ .\-()/]{0,3}\d){6,16}}: 7 to 17 digits with short runs of phone punctuation between. */
    static int phoneRunEnd(String text, int start) {
        int i = start;
        if (Tokens.charIs(text, i, "+")) {
            i++;
        }
        if (Tokens.charIs(text, i, "(")) {
            i++;
        }
        if (!isDigit(text, i)) {
            return -1;
        }
        i++;
        int groups = 0;
        while (groups < MAX_PHONE_GROUPS) {
            int separators = 0;
            while (separators <= MAX_PHONE_SEPARATORS && Tokens.charIs(text, i + separators, " .-()/")) {
                separators++;
            }
            if (separators > MAX_PHONE_SEPARATORS || !isDigit(text, i + separators)) {
                break;
            }
            i += separators + 1;
            groups++;
        }
        return groups >= 6 ? i : -1;
    }

    private static boolean digits(String text, int start, int count) {
        if (start + count > text.length()) {
            return false;
        }
        for (int i = start; i < start + count; i++) {
            if (!isDigit(text, i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(String text, int index) {
        return index < text.length() && text.charAt(index) >= '0' && text.charAt(index) <= '9';
    }
}
