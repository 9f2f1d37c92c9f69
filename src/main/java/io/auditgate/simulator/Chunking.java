package io.auditgate.simulator;

import java.util.ArrayList;
import java.util.List;

/**
 * How a streamed text is cut into deltas. Whatever the cut, the deltas joined are exactly the text, so a client
 * that reassembles them sees the Converse answer.
 */
sealed interface Chunking {

    /** One word per delta, the default: each delta is a word and the spaces that follow it. */
    Chunking ONE_WORD = new Words(1);

    List<String> split(String text);

    /**
     * {@code size} words per delta; a word ends where a space is followed by a non-space.
     *
     * @param size words per delta, at least 1
     */
    record Words(int size) implements Chunking {
        public Words {
            positive(size, "chunk words");
        }

        @Override
        public List<String> split(String text) {
            List<String> pieces = new ArrayList<>();
            int start = 0;
            int words = 0;
            for (int i = 1; i < text.length(); i++) {
                if (text.charAt(i - 1) == ' ' && text.charAt(i) != ' ' && ++words == size) {
                    pieces.add(text.substring(start, i));
                    start = i;
                    words = 0;
                }
            }
            if (start < text.length()) {
                pieces.add(text.substring(start));
            }
            return pieces;
        }
    }

    /**
     * {@code size} characters (UTF-16 code units) per delta; the last delta may be shorter.
     *
     * @param size characters per delta, at least 1
     */
    record Chars(int size) implements Chunking {
        public Chars {
            positive(size, "chunk characters");
        }

        @Override
        public List<String> split(String text) {
            List<String> pieces = new ArrayList<>(text.length() / size + 1);
            for (int start = 0; start < text.length(); start += size) {
                pieces.add(text.substring(start, Math.min(text.length(), start + size)));
            }
            return pieces;
        }
    }

    /**
     * Deltas given one by one, so that a test can put a boundary exactly where it wants one. A text that is cut
     * short (max tokens, stop sequence) keeps the boundaries that fall inside it; text beyond the pieces (a
     * guardrail's message) is one more delta.
     *
     * @param pieces the deltas, none of them empty
     */
    record Exact(List<String> pieces) implements Chunking {
        public Exact {
            pieces = List.copyOf(pieces);
            if (pieces.isEmpty() || pieces.stream().anyMatch(String::isEmpty)) {
                throw new IllegalArgumentException("chunks must be a non-empty list of non-empty texts");
            }
        }

        String text() {
            return String.join("", pieces);
        }

        @Override
        public List<String> split(String text) {
            List<String> cut = new ArrayList<>(pieces.size());
            int start = 0;
            for (String piece : pieces) {
                int end = Math.min(text.length(), start + piece.length());
                if (end > start) {
                    cut.add(text.substring(start, end));
                }
                start = end;
            }
            if (start < text.length()) {
                cut.add(text.substring(start));
            }
            return cut;
        }
    }

    private static void positive(int size, String what) {
        if (size < 1) {
            throw new IllegalArgumentException(what + " must be at least 1: " + size);
        }
    }
}
