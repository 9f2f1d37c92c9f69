package io.auditgate.guardrail.pii;

import java.util.List;
import org.apache.commons.validator.routines.EmailValidator;

/**
 * E-mail addresses. Each {@code @} is expanded to the surrounding address characters, and Commons Validator's
 * {@link EmailValidator} decides (RFC syntax, a real top-level domain, no bare local host names).
 */
final class EmailRecognizer implements Recognizer {

    private static final EmailValidator EMAILS = EmailValidator.getInstance(false, false);

    @Override
    public void scan(Tokens tokens, List<Candidate> out) {
        String text = tokens.text();
        int at = text.indexOf('@');
        while (at >= 0) {
            int start = at;
            while (start > 0 && isLocalPart(text.charAt(start - 1))) {
                start--;
            }
            while (start < at && !isAsciiAlphanumeric(text.charAt(start))) {
                start++;
            }
            int end = at + 1;
            while (end < text.length() && isDomain(text.charAt(end))) {
                end++;
            }
            while (end > at + 1 && (text.charAt(end - 1) == '.' || text.charAt(end - 1) == '-')) {
                end--;
            }
            if (start < at && end > at + 1 && EMAILS.isValid(text.substring(start, end))) {
                out.add(new Candidate(PiiType.EMAIL, start, end, Candidate.VALIDATED));
            }
            at = text.indexOf('@', Math.max(end, at + 1));
        }
    }

    private static boolean isLocalPart(char c) {
        return isAsciiAlphanumeric(c) || ".!#$%&'*+/=?^_`{|}~-".indexOf(c) >= 0;
    }

    private static boolean isDomain(char c) {
        return isAsciiAlphanumeric(c) || c == '.' || c == '-';
    }

    private static boolean isAsciiAlphanumeric(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
