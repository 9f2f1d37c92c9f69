package io.auditgate.guardrail.pii;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.commons.validator.routines.IBANValidator;

/**
 * IBANs, compact or printed in groups, in any letter case: a model reads {@code gb82 west ...} as readily as
 * {@code GB82 WEST ...}. Groups may be separated by a space (or tab), dash, dot or slash. Commons Validator's
 * {@link IBANValidator} decides on the upper-case compact form: a known country, that country's exact length and
 * BBAN format, and ISO 7064 mod-97 check digits. Because a printed IBAN may run into a following word, shorter
 * prefixes of a failing candidate are tried too.
 */
final class IbanRecognizer implements Recognizer {

    private static final Pattern CANDIDATE = Pattern.compile("[A-Za-z]{2}\\d{2}(?:[ ./-]?[A-Za-z0-9]){11,30}");
    private static final IBANValidator IBANS = IBANValidator.getInstance();
    private static final int MIN_LENGTH = 15;

    @Override
    public void scan(Tokens tokens, List<Candidate> out) {
        String text = tokens.text();
        var candidate = CANDIDATE.matcher(text);
        int[] cursor = {0};
        while (tokens.find(candidate, Tokens.Start.LETTER,
                (t, i) -> Tokens.isLetterAt(t, i + 1) && Tokens.isDigitAt(t, i + 2), cursor)) {
            int start = candidate.start();
            int end = -1;
            if (Boundaries.freeBefore(text, start, "-_/:")
                    && IBANS.hasValidator(text.substring(start, start + 2).toUpperCase(Locale.ROOT))) {
                end = longestValidEnd(text, start, candidate.end());
                if (end > 0) {
                    out.add(new Candidate(PiiType.INTERNATIONAL_BANK_ACCOUNT_NUMBER, start, end,
                            Candidate.VALIDATED));
                }
            }
            // A candidate may run on into following words and IBANs; only a valid IBAN is skipped over.
            cursor[0] = end > 0 ? end : start + 1;
        }
    }

    /** End offset of the longest valid IBAN starting at {@code start}, or -1. */
    private static int longestValidEnd(String text, int start, int end) {
        var compact = new StringBuilder(end - start);
        var after = new int[end - start];
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (NumberShapes.SEPARATORS.indexOf(c) < 0) {
                after[compact.length()] = i + 1;
                compact.append(Character.toUpperCase(c));
            }
        }
        for (int length = compact.length(); length >= MIN_LENGTH; length--) {
            int stop = after[length - 1];
            if (Boundaries.freeAfter(text, stop, "-_/") && IBANS.isValid(compact.substring(0, length))) {
                return stop;
            }
        }
        return -1;
    }
}
