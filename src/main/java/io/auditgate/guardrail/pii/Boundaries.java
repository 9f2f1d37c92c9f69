package io.auditgate.guardrail.pii;

/** Checks that a match is not glued to a longer token, which regex word boundaries get wrong for ids like {@code INV-123}. */
final class Boundaries {

    private Boundaries() {
    }

    /** True unless the character before {@code start} is a letter, digit, or one of {@code joiners}. */
    static boolean freeBefore(String text, int start, String joiners) {
        if (start == 0) {
            return true;
        }
        char c = text.charAt(start - 1);
        return !Character.isLetterOrDigit(c) && joiners.indexOf(c) < 0;
    }

    /** True unless the character at {@code end} is a letter or digit, or a joiner followed by a letter or digit. */
    static boolean freeAfter(String text, int end, String joiners) {
        if (end >= text.length()) {
            return true;
        }
        char c = text.charAt(end);
        if (Character.isLetterOrDigit(c)) {
            return false;
        }
        return joiners.indexOf(c) < 0 || end + 1 >= text.length() || !Character.isLetterOrDigit(text.charAt(end + 1));
    }

    static String digitsOf(CharSequence text, int start, int end) {
        var digits = new StringBuilder(end - start);
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            }
        }
        return digits.toString();
    }
}
