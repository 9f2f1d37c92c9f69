package io.auditgate.guardrail.pii;

import java.text.Normalizer;

/**
 * The text the recognizers scan: NFKC-normalised, with invisible characters removed and Unicode dashes folded to
 * {@code -}, plus a map from every scanned character back to the original. Plain ASCII text, the common case, is
 * used as it is without copying.
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
        return isPlainAscii(original) ? new NormalisedText(original, null, null) : normalise(original);
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

    static boolean isIgnorable(int codePoint) {
        return codePoint == 0x00AD || (codePoint >= 0x200B && codePoint <= 0x200D)
                || codePoint == 0x2060 || codePoint == 0xFEFF;
    }

    private static boolean isPlainAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static NormalisedText normalise(String original) {
        var out = new StringBuilder(original.length());
        var starts = new int[original.length() + 16];
        var ends = new int[original.length() + 16];
        int i = 0;
        while (i < original.length()) {
            int codePoint = original.codePointAt(i);
            int next = i + Character.charCount(codePoint);
            if (!isIgnorable(codePoint)) {
                String mapped = map(codePoint);
                if (out.length() + mapped.length() > starts.length) {
                    starts = java.util.Arrays.copyOf(starts, starts.length * 2 + mapped.length());
                    ends = java.util.Arrays.copyOf(ends, starts.length);
                }
                for (int k = 0; k < mapped.length(); k++) {
                    starts[out.length()] = i;
                    ends[out.length()] = next;
                    out.append(mapped.charAt(k));
                }
            }
            i = next;
        }
        return new NormalisedText(out.toString(), starts, ends);
    }

    private static String map(int codePoint) {
        if (codePoint < 0x80) {
            return String.valueOf((char) codePoint);
        }
        if ((codePoint >= 0x2010 && codePoint <= 0x2015) || codePoint == 0x2212) {
            return "-";
        }
        return Normalizer.normalize(new String(Character.toChars(codePoint)), Normalizer.Form.NFKC);
    }
}
