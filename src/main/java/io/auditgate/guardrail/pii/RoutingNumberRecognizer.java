package io.auditgate.guardrail.pii;

import java.util.List;
import org.apache.commons.validator.routines.checkdigit.ABANumberCheckDigit;

/**
 * US ABA routing transit numbers: nine digits, bare or in three groups of three, that pass Commons Validator's ABA check digit (weights 3, 7, 1), start
 * with a Federal Reserve prefix (00-12, 21-32, 61-72, 80), and follow a word such as "routing", "ABA" or "RTN".
 * Without that word any nine-digit number would have a one-in-ten chance of being flagged.
 */
final class RoutingNumberRecognizer implements Recognizer {

    private static final Context CONTEXT = new Context(48, "routing", "aba", "rtn", "transit", "wire to", "ach");

    @Override
    public void scan(Tokens tokens, List<Candidate> out) {
        String text = tokens.text();
        int[] cursor = {0};
        for (int start; (start = tokens.find(Tokens.Start.DIGIT, RoutingNumberRecognizer::shapeEnd, cursor)) >= 0; ) {
            int end = cursor[0];
            if (Boundaries.freeBefore(text, start, "-./#_:$£€") && Boundaries.freeAfter(text, end, "-./_:")
                    && isRoutingNumber(Boundaries.digitsOf(text, start, end)) && CONTEXT.surrounds(text, start, end)) {
                out.add(new Candidate(PiiType.US_BANK_ROUTING_NUMBER, start, end, Candidate.CONTEXT_CONFIRMED));
            }
        }
    }

    /** Nine digits, bare or as {@code 3-3-3} with one separator. */
    private static int shapeEnd(String text, int start) {
        return NumberShapes.groupedEnd(text, start, 3, 3);
    }

    static boolean isRoutingNumber(String digits) {
        int prefix = Integer.parseInt(digits.substring(0, 2));
        boolean federalReserve = prefix <= 12 || (prefix >= 21 && prefix <= 32) || (prefix >= 61 && prefix <= 72)
                || prefix == 80;
        return federalReserve && !digits.equals("000000000")
                && ABANumberCheckDigit.ABAN_CHECK_DIGIT.isValid(digits);
    }
}
