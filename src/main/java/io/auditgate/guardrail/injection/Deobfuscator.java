package io.auditgate.guardrail.injection;

import java.util.List;

/**
 * Undoes the two cheap obfuscations of key words: spacing letters out ("i g n o r e", "i.g.n.o.r.e") and
 * leetspeak ("1gn0r3", "$y$tem"). Works on folded text and is linear in its length.
 */
final class Deobfuscator {

    /** Words whose disguise is itself evidence; a match anywhere inside an undone token counts. */
    private static final List<String> KEY_WORDS = List.of("ignore", "disregard", "forget", "previous", "prior",
            "instruction", "system", "prompt", "reveal", "jailbreak", "bypass", "override", "restriction",
            "developer", "pretend", "rules");
    private static final String LEET = "013457@$";
    private static final String LEET_LETTERS = "oieastas";
    private static final String LETTER_SEPARATORS = " .-_*";
    private static final int MIN_SPACED_LETTERS = 3;

    private Deobfuscator() {
    }

    record Result(String text, boolean revealedKeyword) {
    }

    static Result deobfuscate(String folded) {
        var out = new StringBuilder(folded.length());
        boolean revealed = false;
        int i = 0;
        while (i < folded.length()) {
            int end = tokenEnd(folded, i);
            if (end == i) {
                out.append(folded.charAt(i++));
                continue;
            }
            String token = folded.substring(i, end);
            String undone = isSpacedLetters(token) ? dropSeparators(token) : unleet(token);
            revealed |= !undone.equals(token) && containsKeyWord(undone);
            out.append(undone);
            i = end;
        }
        return new Result(out.toString(), revealed);
    }

    /** A token is a run of word characters, or a run of single letters joined by single separators. */
    private static int tokenEnd(String s, int start) {
        int spaced = spacedLettersEnd(s, start);
        if (spaced > start) {
            return spaced;
        }
        int end = start;
        while (end < s.length() && isWordChar(s.charAt(end))) {
            end++;
        }
        return end;
    }

    private static int spacedLettersEnd(String s, int start) {
        if (start > 0 && isWordChar(s.charAt(start - 1))) {
            return start;
        }
        int letters = 0;
        int at = start;
        while (isLoneLetter(s, at)) {
            letters++;
            boolean separated = at + 2 < s.length() && LETTER_SEPARATORS.indexOf(s.charAt(at + 1)) >= 0;
            if (!separated || !isLoneLetter(s, at + 2)) {
                break;
            }
            at += 2;
        }
        return letters >= MIN_SPACED_LETTERS ? at + 1 : start;
    }

    private static boolean isLoneLetter(String s, int at) {
        return at < s.length() && Character.isLetter(s.charAt(at))
                && (at + 1 == s.length() || !isWordChar(s.charAt(at + 1)));
    }

    private static boolean isSpacedLetters(String token) {
        return token.length() >= 2 * MIN_SPACED_LETTERS - 1 && LETTER_SEPARATORS.indexOf(token.charAt(1)) >= 0;
    }

    private static String dropSeparators(String token) {
        var letters = new StringBuilder(token.length() / 2 + 1);
        for (int i = 0; i < token.length(); i += 2) {
            letters.append(token.charAt(i));
        }
        return letters.toString();
    }

    /** Maps leet digits and symbols to letters, but only in tokens that also hold at least two letters. */
    private static String unleet(String token) {
        int letters = 0;
        boolean leet = false;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            letters += Character.isLetter(c) ? 1 : 0;
            leet |= LEET.indexOf(c) >= 0;
        }
        if (letters < 2 || !leet) {
            return token;
        }
        var out = new StringBuilder(token.length());
        for (int i = 0; i < token.length(); i++) {
            int at = LEET.indexOf(token.charAt(i));
            out.append(at >= 0 ? LEET_LETTERS.charAt(at) : token.charAt(i));
        }
        return out.toString();
    }

    private static boolean containsKeyWord(String word) {
        return KEY_WORDS.stream().anyMatch(word::contains);
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '@' || c == '$';
    }
}
