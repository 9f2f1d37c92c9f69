package io.auditgate.guardrail.pii;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * UK National Insurance numbers, {@code AB 12 34 56 C}, following HMRC's allocation rules: the first letter is
 * never D, F, I, Q, U or V, the second never D, F, I, O, Q, U or V, the prefixes BG, GB, KN, NK, NT, TN and ZZ are
 * not allocated, and the suffix is A to D. The pattern is the whole rule: there is no check digit. Letters may be in
 * either case and the pairs may be separated by a space (or tab), dash, dot or slash, as a model reads them all alike.
 */
final class NinoRecognizer implements Recognizer {

    private static final Pattern NINO = Pattern.compile(
            "[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z][ ./-]?\\d{2}[ ./-]?\\d{2}[ ./-]?\\d{2}[ ./-]?[A-D]",
            Pattern.CASE_INSENSITIVE);
    private static final Set<String> UNALLOCATED = Set.of("BG", "GB", "KN", "NK", "NT", "TN", "ZZ");

    @Override
    public void scan(Tokens tokens, List<Candidate> out) {
        String text = tokens.text();
        var nino = NINO.matcher(text);
        int[] cursor = {0};
        while (tokens.find(nino, Tokens.Start.LETTER, (t, i) -> Tokens.isLetterAt(t, i + 1)
                && (Tokens.isDigitAt(t, i + 2) || Tokens.isDigitAt(t, i + 3)), cursor)) {
            int start = nino.start();
            int end = nino.end();
            if (Boundaries.freeBefore(text, start, "-_/") && Boundaries.freeAfter(text, end, "-_/")
                    && !UNALLOCATED.contains(text.substring(start, start + 2).toUpperCase(Locale.ROOT))) {
                out.add(new Candidate(PiiType.UK_NATIONAL_INSURANCE_NUMBER, start, end, Candidate.VALIDATED));
            }
        }
    }
}
