package io.auditgate.guardrail.pii;

import java.util.List;
import java.util.Set;

/**
 * US Social Security numbers, {@code AAA-GG-SSSS} with dashes, spaces, dots or slashes (the same one twice), or
 * (only after a word such as "SSN") none.
 * The Social Security Administration never issues area 000, 666 or 900-999, group 00 or serial 0000; numbers
 * published as samples (078-05-1120 from the Woolworth wallet card, 219-09-9999, 123-45-6789) and repeated
 * digits are rejected too. No library covers these rules, so they are written out here.
 */
final class SsnRecognizer implements Recognizer {

    private static final Set<String> SAMPLES = Set.of("078051120", "219099999", "123456789", "987654320",
            "987654321", "987654322", "987654323", "987654324", "987654325", "987654326", "987654327", "987654328",
            "987654329");
    private static final Context CONTEXT = new Context(40, "ssn", "social security", "ss#", "ss no", "ss number",
            "taxpayer id");

    @Override
    public void scan(Tokens tokens, List<Candidate> out) {
        String text = tokens.text();
        int[] cursor = {0};
        for (int start; (start = tokens.find(Tokens.Start.DIGIT, SsnRecognizer::shapeEnd, cursor)) >= 0; ) {
            int end = cursor[0];
            boolean bare = end - start == 9;
            if (Boundaries.freeBefore(text, start, "-./#_:$£€") && Boundaries.freeAfter(text, end, "-./_:")
                    && isIssuable(Boundaries.digitsOf(text, start, end))) {
                boolean context = CONTEXT.precedes(text, start);
                if (context || !bare) {
                    out.add(new Candidate(PiiType.US_SOCIAL_SECURITY_NUMBER, start, end,
                            context ? Candidate.CONTEXT_CONFIRMED : Candidate.VALIDATED));
                }
            }
        }
    }

    /** {@code AAA-GG-SSSS}, {@code AAA GG SSSS} or {@code AAAGGSSSS}. */
    private static int shapeEnd(String text, int start) {
        return NumberShapes.groupedEnd(text, start, 2);
    }

    static boolean isIssuable(String digits) {
        int area = Integer.parseInt(digits.substring(0, 3));
        int group = Integer.parseInt(digits.substring(3, 5));
        int serial = Integer.parseInt(digits.substring(5));
        return area != 0 && area != 666 && area < 900 && group != 0 && serial != 0
                && !SAMPLES.contains(digits) && !digits.chars().allMatch(c -> c == digits.charAt(0));
    }
}
