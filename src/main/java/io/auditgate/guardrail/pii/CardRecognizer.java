package io.auditgate.guardrail.pii;

import static org.apache.commons.validator.routines.CreditCardValidator.AMEX_VALIDATOR;
import static org.apache.commons.validator.routines.CreditCardValidator.DINERS_VALIDATOR;
import static org.apache.commons.validator.routines.CreditCardValidator.DISCOVER_VALIDATOR;
import static org.apache.commons.validator.routines.CreditCardValidator.MASTERCARD_VALIDATOR;
import static org.apache.commons.validator.routines.CreditCardValidator.VISA_VALIDATOR;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.validator.routines.CodeValidator;
import org.apache.commons.validator.routines.CreditCardValidator;
import org.apache.commons.validator.routines.checkdigit.LuhnCheckDigit;

/**
 * Card numbers of 13 to 19 digits, printed plain or grouped with spaces, tabs or dashes, or with dots or slashes
 * (one kind only, so that neighbouring dotted quads and dates do not join into one number). A number counts only if
 * Commons Validator accepts it: a known issuer prefix and length (Visa, Mastercard, Amex, Discover, Diners, plus
 * JCB, UnionPay and Maestro) and a passing Luhn check. Runs of digit groups are tried group-aligned, longest first.
 */
final class CardRecognizer implements Recognizer {

    private static final CreditCardValidator CARDS = new CreditCardValidator(new CodeValidator[] {
        AMEX_VALIDATOR, VISA_VALIDATOR, MASTERCARD_VALIDATOR, DISCOVER_VALIDATOR, DINERS_VALIDATOR,
        new CodeValidator("^(35(?:2[89]|[3-8]\\d)\\d{12,15})$", LuhnCheckDigit.LUHN_CHECK_DIGIT),
        new CodeValidator("^(62\\d{14,17})$", LuhnCheckDigit.LUHN_CHECK_DIGIT),
        new CodeValidator("^((?:5018|5020|5038|5893|6304|6759|676[1-3])\\d{8,15})$", LuhnCheckDigit.LUHN_CHECK_DIGIT)
    });

    @Override
    public void scan(Tokens tokens, List<Candidate> out) {
        String text = tokens.text();
        int[] cursor = {0};
        for (int start; (start = tokens.find(Tokens.Start.DIGIT, NumberShapes::cardRunEnd, cursor)) >= 0; ) {
            int end = cursor[0];
            if (Boundaries.freeBefore(text, start, "-./#_:") && Boundaries.freeAfter(text, end, "-./_")) {
                scanGroups(text, groups(text, start, end), out);
            }
        }
    }

    /** Start and end of each digit group, as pairs. */
    private static List<int[]> groups(String text, int start, int end) {
        var groups = new ArrayList<int[]>();
        int groupStart = start;
        for (int i = start; i < end; i++) {
            if (!Character.isDigit(text.charAt(i))) {
                groups.add(new int[] {groupStart, i});
                groupStart = i + 1;
            }
        }
        groups.add(new int[] {groupStart, end});
        return groups;
    }

    private static void scanGroups(String text, List<int[]> groups, List<Candidate> out) {
        int first = 0;
        while (first < groups.size()) {
            int best = -1;
            int digits = 0;
            for (int last = first; last < groups.size() && digits <= 19; last++) {
                digits += groups.get(last)[1] - groups.get(last)[0];
                if (digits >= 13 && digits <= 19 && isCard(text, groups.get(first)[0], groups.get(last)[1])) {
                    best = last;
                }
            }
            if (best < 0) {
                first++;
            } else {
                out.add(new Candidate(PiiType.CREDIT_DEBIT_CARD_NUMBER, groups.get(first)[0], groups.get(best)[1],
                        Candidate.VALIDATED));
                first = best + 1;
            }
        }
    }

    /** Luhn first: it is cheap arithmetic and rejects nine in ten candidates before the issuer regexes run. */
    private static boolean isCard(String text, int start, int end) {
        String digits = Boundaries.digitsOf(text, start, end);
        return LuhnCheckDigit.LUHN_CHECK_DIGIT.isValid(digits) && CARDS.isValid(digits);
    }
}
