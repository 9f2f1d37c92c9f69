package io.auditgate.guardrail.pii;

import java.util.List;

/**
 * NHS numbers: ten digits whose last is the modulus-11 check digit of the first nine (weights 10 down to 2; a
 * result of 10 is never issued). A number counts when "NHS" or similar precedes it, or when it is printed in the
 * NHS's own 3-3-4 spaced form; in the second case an equally long valid phone number takes precedence.
 */
final class NhsNumberRecognizer implements Recognizer {

    private static final Context CONTEXT = new Context(48, "nhs", "health service", "chi number", "h&c number");

    @Override
    public void scan(Tokens tokens, List<Candidate> out) {
        String text = tokens.text();
        int[] cursor = {0};
        for (int start; (start = tokens.find(Tokens.Start.DIGIT, NhsNumberRecognizer::shapeEnd, cursor)) >= 0; ) {
            int end = cursor[0];
            if (Boundaries.freeBefore(text, start, "-./#_:$£€+") && Boundaries.freeAfter(text, end, "-./_:")
                    && isValid(Boundaries.digitsOf(text, start, end))) {
                if (CONTEXT.surrounds(text, start, end)) {
                    out.add(new Candidate(PiiType.UK_NATIONAL_HEALTH_SERVICE_NUMBER, start, end,
                            Candidate.CONTEXT_CONFIRMED));
                } else if (text.charAt(start + 3) == ' ') {
                    out.add(new Candidate(PiiType.UK_NATIONAL_HEALTH_SERVICE_NUMBER, start, end, Candidate.PATTERN));
                }
            }
        }
    }

    /** {@code 3-3-4} with dashes, spaces, dots, slashes or nothing. */
    private static int shapeEnd(String text, int start) {
        return NumberShapes.groupedEnd(text, start, 3);
    }

    static boolean isValid(String digits) {
        if (digits.length() != 10 || digits.chars().allMatch(c -> c == digits.charAt(0))) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (digits.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - sum % 11;
        if (check == 11) {
            check = 0;
        }
        return check != 10 && check == digits.charAt(9) - '0';
    }
}
