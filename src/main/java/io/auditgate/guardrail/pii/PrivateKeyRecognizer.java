package io.auditgate.guardrail.pii;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * PEM private key blocks ({@code -----BEGIN RSA PRIVATE KEY-----} ... {@code -----END RSA PRIVATE KEY-----}, and the
 * EC, OPENSSH, ENCRYPTED, PKCS#8 and PGP variants). A block cut off before its END line is still a secret: it
 * extends over the base64 body that follows the header, up to the first blank line.
 */
final class PrivateKeyRecognizer implements Recognizer {

    private static final String BEGIN = "-----BEGIN ";
    private static final String END = "-----END ";
    private static final String DASHES = "-----";

    @Override
    public void scan(Tokens tokens, List<Candidate> out) {
        String text = tokens.text();
        Footers footers = null;
        int begin = text.indexOf(BEGIN);
        while (begin >= 0) {
            int headerEnd = text.indexOf(DASHES, begin + BEGIN.length());
            if (headerEnd < 0) {
                return;
            }
            String label = text.substring(begin + BEGIN.length(), headerEnd);
            int end = begin + BEGIN.length();
            if (isPrivateKey(label)) {
                if (footers == null) {
                    footers = new Footers(text);
                }
                end = blockEnd(text, footers.next(label, headerEnd + DASHES.length()), headerEnd + DASHES.length());
                out.add(new Candidate(PiiType.PRIVATE_KEY, begin, end, Candidate.VALIDATED));
            }
            begin = text.indexOf(BEGIN, end);
        }
    }

    private static boolean isPrivateKey(String label) {
        return label.endsWith("PRIVATE KEY") || label.endsWith("PRIVATE KEY BLOCK");
    }

    private static int blockEnd(String text, int footerEnd, int bodyStart) {
        if (footerEnd >= 0) {
            return footerEnd;
        }
        int end = bodyStart;
        while (end < text.length() && isBodyCharacter(text.charAt(end)) && !text.startsWith("\n\n", end)) {
            end++;
        }
        while (end > bodyStart && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return end;
    }

    private static boolean isBodyCharacter(char c) {
        return (c < 0x80 && Character.isLetterOrDigit(c)) || c == '+' || c == '/' || c == '=' || c == ':'
                || c == '-' || c == ',' || Character.isWhitespace(c);
    }

    /**
     * Every private-key END line of the text, indexed by label in one pass. Searching the text for each header's END
     * line instead cost a scan to the end of the text per header, quadratic for many headers without one.
     */
    private static final class Footers {

        private final Map<String, List<Integer>> endsByLabel = new HashMap<>();
        private final Map<String, Integer> consumed = new HashMap<>();

        Footers(String text) {
            for (int at = text.indexOf(END); at >= 0; at = text.indexOf(END, at + 1)) {
                int labelEnd = text.indexOf(DASHES, at + END.length());
                if (labelEnd < 0) {
                    return;
                }
                String label = text.substring(at + END.length(), labelEnd);
                if (isPrivateKey(label)) {
                    endsByLabel.computeIfAbsent(label, l -> new ArrayList<>()).add(labelEnd + DASHES.length());
                }
            }
        }

        /**
         * The end of the first {@code -----END label-----} line at or after {@code from}, or -1. Calls come in
         * increasing {@code from}, so each label's list is walked once.
         */
        int next(String label, int from) {
            var ends = endsByLabel.getOrDefault(label, List.of());
            int k = consumed.getOrDefault(label, 0);
            int footerLength = END.length() + label.length() + DASHES.length();
            while (k < ends.size() && ends.get(k) - footerLength < from) {
                k++;
            }
            consumed.put(label, k);
            return k < ends.size() ? ends.get(k) : -1;
        }
    }
}
