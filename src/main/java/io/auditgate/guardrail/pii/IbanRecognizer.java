package io.auditgate.guardrail.pii;

import java.util.List;
import java.util.regex.Pattern;
import org.apache.commons.validator.routines.IBANValidator;

/**
 * IBANs, compact or printed in groups of four. Commons Validator's {@link IBANValidator} decides: a known country,
 * that country's exact length and BBAN format, and ISO 7064 mod-97 check digits. Because a printed IBAN may run
 * into a following upper-case word, shorter prefixes of a failing candidate are tried too.
 */
final class IbanRecognizer implements Recognizer {

    private static final Pattern CANDIDATE = Pattern.compile("[A-Z]{2}\\d{2}(?: ?[A-Z0-9]){11,30}");
    private static final IBANValidator IBANS = IBANValidator.getInstance();
    private static final int MIN_LENGTH = 15;

    @Override
    public void scan(Tokens tokens, List<Candidate> out) {
        String text = tokens.text();
        var candidate = CANDIDATE.matcher(text);
        int[] cursor = {0};
        while (tokens.find(candidate, Tokens.Start.UPPER,
                (t, i) -> Tokens.isUpperAt(t, i + 1) && Tokens.isDigitAt(t, i + 2), cursor)) {
            int start = candidate.start();
            if (Boundaries.freeBefore(text, start, "-_/:") && IBANS.hasValidator(text.substring(start, start + 2))) {
                int end = longestValidEnd(text, start, candidate.end());
                if (end > 0) {
                    out.add(new Candidate(PiiType.INTERNATIONAL_BANK_ACCOUNT_NUMBER, start, end,
                            Candidate.VALIDATED));
                }
            }
        }
    }

    /** End offset of the longest valid IBAN starting at {@code start}, or -1. */
    private static int longestValidEnd(String text, int start, int end) {
        for (int stop = end; stop > start; stop--) {
            if (text.charAt(stop - 1) == ' ' || !Boundaries.freeAfter(text, stop, "-_/")) {
                continue;
            }
            String compact = text.substring(start, stop).replace(" ", "");
            if (compact.length() < MIN_LENGTH) {
                return -1;
            }
            if (IBANS.isValid(compact)) {
                return stop;
            }
        }
        return -1;
    }
}
