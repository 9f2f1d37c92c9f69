package io.auditgate.guardrail.injection;

import java.text.Normalizer;

/**
 * Folds text to the form the phrase checks are written against. Each pass is linear in the text length.
 */
final class Normaliser {

    /** Cyrillic and Greek letters that look like Latin ones, and what they are folded to. */
    private static final String LOOK_ALIKES = "\u0430\u0435\u043E\u0440\u0441\u0443\u0445\u0456\u0455\u0458\u0501\u04CF\u043A\u043C\u0442\u043D\u0432\u03BF\u03B1\u03B5\u03B9\u03C1\u03BA\u03BD\u03C4\u03C5";
    private static final String LATIN = "aeopcyxisjdlkmthboaeipkvtu";

    private Normaliser() {
    }

    /**
     * NFKC; drops format characters (zero-width, bidi controls, tag characters, soft hyphens); lower-cases;
     * strips accents; folds look-alike letters and typographic quotes; collapses each run of whitespace to one
     * space, or to one newline if it contained a line break.
     */
    static String fold(String raw) {
        String compatible = Normalizer.normalize(raw, Normalizer.Form.NFKC);
        var lower = new StringBuilder(compatible.length());
        compatible.codePoints()
                .filter(cp -> Character.getType(cp) != Character.FORMAT)
                .map(Character::toLowerCase)
                .forEach(lower::appendCodePoint);
        return foldDecomposed(Normalizer.normalize(lower, Normalizer.Form.NFD));
    }

    private static String foldDecomposed(String decomposed) {
        var out = new StringBuilder(decomposed.length());
        boolean inSpace = false;
        boolean sawNewline = false;
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                inSpace = true;
                sawNewline |= c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029';
                continue;
            }
            if (inSpace && out.length() > 0) {
                out.append(sawNewline ? '\n' : ' ');
            }
            inSpace = false;
            sawNewline = false;
            out.append(foldChar(c));
        }
        return out.toString();
    }

    private static char foldChar(char c) {
        if (c < 0x80) {
            return c;
        }
        if (c == '\u2018' || c == '\u2019' || c == '\u201B' || c == '\u2032') {
            return '\'';
        }
        if (c == '\u201C' || c == '\u201D' || c == '\u201E' || c == '\u00AB' || c == '\u00BB') {
            return '"';
        }
        int lookAlike = LOOK_ALIKES.indexOf(c);
        return lookAlike >= 0 ? LATIN.charAt(lookAlike) : c;
    }
}
