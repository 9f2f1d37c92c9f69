package io.auditgate.guardrail.pii;

import java.util.Arrays;
import java.util.List;

/**
 * The texts of one conversation joined into the one text a model reads, with a boundary string between each two, and
 * where each text lies in it. Maps a finding in the joined text back to its piece in each text it touches.
 */
final class JoinedTexts {

    private final List<String> texts;
    private final String joined;
    private final int[] starts;

    JoinedTexts(List<String> texts, String boundary) {
        this.texts = List.copyOf(texts);
        this.starts = new int[this.texts.size()];
        var joined = new StringBuilder();
        for (int i = 0; i < this.texts.size(); i++) {
            if (i > 0) {
                joined.append(boundary);
            }
            starts[i] = joined.length();
            joined.append(this.texts.get(i));
        }
        this.joined = joined.toString();
    }

    String joined() {
        return joined;
    }

    int count() {
        return texts.size();
    }

    String text(int part) {
        return texts.get(part);
    }

    /** The text in which joined offset {@code offset} lies (or, inside a boundary, the text before it). */
    int partAt(int offset) {
        int found = Arrays.binarySearch(starts, offset);
        return found >= 0 ? found : -found - 2;
    }

    /** True if text {@code part} begins before joined offset {@code end}. */
    boolean beginsBefore(int part, int end) {
        return part < starts.length && starts[part] < end;
    }

    /**
     * The piece of {@code finding} that lies in text {@code part}, as offsets into that text, or null if none does.
     * A finding inside one text is returned whole. A piece of a finding that crosses a boundary loses the whitespace
     * at its ends, and counts only if it holds a letter or digit: a text of nothing but a space or a zero-width
     * character between two halves keeps its character.
     */
    int[] piece(int part, PiiFinding finding) {
        String text = texts.get(part);
        int start = finding.start() - starts[part];
        int end = finding.end() - starts[part];
        if (start >= 0 && end <= text.length()) {
            return new int[] {start, end};
        }
        start = Math.max(0, start);
        end = Math.min(text.length(), end);
        while (start < end && isBlank(text.charAt(start))) {
            start++;
        }
        while (end > start && isBlank(text.charAt(end - 1))) {
            end--;
        }
        return holdsLetterOrDigit(text, start, end) ? new int[] {start, end} : null;
    }

    private static boolean isBlank(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    private static boolean holdsLetterOrDigit(String text, int start, int end) {
        for (int i = start; i < end; i++) {
            if (Character.isLetterOrDigit(text.codePointAt(i))) {
                return true;
            }
        }
        return false;
    }
}
