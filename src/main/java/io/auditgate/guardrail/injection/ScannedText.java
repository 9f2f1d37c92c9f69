package io.auditgate.guardrail.injection;

import java.util.Objects;

/**
 * The views of one text that checks match against.
 *
 * @param raw        the text as received; for checks on code points and encodings
 * @param plain      NFKC, format characters removed, lower case, accents and look-alike letters folded,
 *                   spaced-out letters joined, leetspeak undone, whitespace collapsed (newlines kept)
 * @param squashed   {@code plain} with everything but letters removed, so "i.g.n.o.r.e all" still matches
 * @param obfuscated whether undoing leetspeak or spacing revealed a key word such as "ignore" or "prompt"
 */
record ScannedText(String raw, View plain, View squashed, boolean obfuscated) {

    ScannedText {
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(plain, "plain");
        Objects.requireNonNull(squashed, "squashed");
    }

    /**
     * @param plainAnchors    the anchors of the cues matched against the plain view
     * @param squashedAnchors those of the cues matched against the squashed view
     */
    static ScannedText of(String raw, AnchorSearch plainAnchors, AnchorSearch squashedAnchors) {
        String folded = Normaliser.fold(raw);
        var deobfuscated = Deobfuscator.deobfuscate(folded);
        String plain = deobfuscated.text();
        return new ScannedText(raw, new View(plain, plainAnchors), new View(squash(plain), squashedAnchors),
                deobfuscated.revealedKeyword());
    }

    private static String squash(String plain) {
        var letters = new StringBuilder(plain.length());
        for (int i = 0; i < plain.length(); i++) {
            char c = plain.charAt(i);
            if (Character.isLetter(c)) {
                letters.append(c);
            }
        }
        return letters.toString();
    }
}
