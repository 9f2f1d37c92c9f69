package io.auditgate.guardrail.pii;

import java.util.List;

/**
 * PEM private key blocks ({@code -----BEGIN RSA PRIVATE KEY-----} ... {@code -----END RSA PRIVATE KEY-----}, and the
 * EC, OPENSSH, ENCRYPTED, PKCS#8 and PGP variants). A block cut off before its END line is still a secret: it
 * extends over the base64 body that follows the header, up to the first blank line.
 */
final class PrivateKeyRecognizer implements Recognizer {

    private static final String BEGIN = "-----BEGIN ";
    private static final String DASHES = "-----";

    @Override
    public void scan(Tokens tokens, List<Candidate> out) {
        String text = tokens.text();
        int begin = text.indexOf(BEGIN);
        while (begin >= 0) {
            int headerEnd = text.indexOf(DASHES, begin + BEGIN.length());
            if (headerEnd < 0) {
                return;
            }
            String label = text.substring(begin + BEGIN.length(), headerEnd);
            int end = begin + BEGIN.length();
            if (label.endsWith("PRIVATE KEY") || label.endsWith("PRIVATE KEY BLOCK")) {
                end = blockEnd(text, label, headerEnd + DASHES.length());
                out.add(new Candidate(PiiType.PRIVATE_KEY, begin, end, Candidate.VALIDATED));
            }
            begin = text.indexOf(BEGIN, end);
        }
    }

    private static int blockEnd(String text, String label, int bodyStart) {
        String footer = "-----END " + label + DASHES;
        int footerAt = text.indexOf(footer, bodyStart);
        if (footerAt >= 0) {
            return footerAt + footer.length();
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
}
