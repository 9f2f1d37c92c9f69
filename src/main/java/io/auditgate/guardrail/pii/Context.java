package io.auditgate.guardrail.pii;

import java.util.List;
import java.util.Locale;

/**
 * Keywords that must appear near a match for types whose pattern alone is too weak, such as a 9-digit routing
 * number, or that rule a match out. Matching is case-insensitive within a fixed window of characters; whole-word
 * contexts also require that the keyword is not part of a longer word ("claim" does not match "claimant").
 */
final class Context {

    private final List<String> keywords;
    private final int window;
    private final boolean wholeWord;

    private Context(int window, boolean wholeWord, String... keywords) {
        this.window = window;
        this.wholeWord = wholeWord;
        this.keywords = List.of(keywords).stream().map(k -> k.toLowerCase(Locale.ROOT)).toList();
    }

    /** Keywords matched anywhere, also inside longer words ("phone" matches "telephone"). */
    Context(int window, String... keywords) {
        this(window, false, keywords);
    }

    static Context wholeWords(int window, String... keywords) {
        return new Context(window, true, keywords);
    }

    /** True if a keyword ends within the window before {@code start}. */
    boolean precedes(String text, int start) {
        return occursIn(text, Math.max(0, start - window), start);
    }

    /** True if a keyword occurs within the window before {@code start} or after {@code end}. */
    boolean surrounds(String text, int start, int end) {
        return precedes(text, start) || occursIn(text, end, Math.min(text.length(), end + window));
    }

    private boolean occursIn(String text, int from, int to) {
        for (String keyword : keywords) {
            char first = keyword.charAt(0);
            char firstUpper = Character.toUpperCase(first);
            for (int i = from; i <= to - keyword.length(); i++) {
                char c = text.charAt(i);
                // Only the first character is compared by hand; regionMatches stays the judge, also of non-ASCII case.
                if ((c == first || c == firstUpper || c >= 0x80)
                        && text.regionMatches(true, i, keyword, 0, keyword.length())
                        && (!wholeWord || isWordAt(text, i, i + keyword.length()))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isWordAt(String text, int start, int end) {
        return (start == 0 || !Character.isLetter(text.charAt(start - 1)))
                && (end == text.length() || !Character.isLetter(text.charAt(end)));
    }

    /** Case-insensitive {@code contains} without allocating; used as a cheap pre-filter before a regex pass. */
    static boolean mentions(String text, String word) {
        char first = word.charAt(0);
        return mentionsFrom(text, word, first) || mentionsFrom(text, word, Character.toUpperCase(first));
    }

    /** {@code indexOf(char)} skips ahead far faster than a loop over every character. */
    private static boolean mentionsFrom(String text, String word, char first) {
        for (int i = text.indexOf(first); i >= 0; i = text.indexOf(first, i + 1)) {
            if (text.regionMatches(true, i, word, 0, word.length())) {
                return true;
            }
        }
        return false;
    }
}
