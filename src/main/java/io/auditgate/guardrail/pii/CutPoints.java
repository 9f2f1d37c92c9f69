package io.auditgate.guardrail.pii;

import java.util.List;

/**
 * Where a streamed answer may be cut so that screening the two sides apart finds exactly what screening them together
 * finds. A cut lies right after a gap (a space, a run of spaces, or a line break, as {@link NormalisedText} reads them)
 * that no value can span, judged from the recognizers' own shapes:
 * <ul>
 *   <li>a line break: no value contains one except a PEM block, which is handled apart;</li>
 *   <li>a space, unless a digit lies on both sides with at most {@value #MAX_PHONE_SEPARATORS} separators
 *       {@code  .-()/} between them, this space included (phone runs; cards, SSN, NHS and routing numbers use
 *       fewer), or
 *       letters or digits lie on both sides and an IBAN or NINO could have started within {@value #IBAN_REACH}
 *       characters before (two letters, an optional separator, two digits: the longest IBAN candidate is 64
 *       characters);</li>
 *   <li>never after the header of a private key whose END line has not been read yet;</li>
 *   <li>only once {@value #AFTER_CONTEXT} characters after the last number of nine digits or more before the cut
 *       have been read: routing and NHS numbers count a context word up to that far after them.</li>
 * </ul>
 * Context words before a value need the released text before the cut: {@link StreamScreen} keeps
 * {@link StreamScreen#CONTEXT} characters of it. A cut that would split a finding is not taken either.
 */
final class CutPoints {

    static final int MAX_PHONE_SEPARATORS = 3;
    static final int IBAN_REACH = 68;
    /** The after-window of {@code RoutingNumberRecognizer} and {@code NhsNumberRecognizer}. */
    static final int AFTER_CONTEXT = 48;
    /** Routing numbers have nine digits and NHS numbers ten: shorter numbers need no context after them. */
    static final int ROUTING_DIGITS = 9;
    /** What {@code NumberShapes.phoneRunEnd} allows between two digits, up to three in a row. */
    private static final String SEPARATORS = " .-()/";
    private static final String GROUP_SEPARATORS = " ./-";
    private static final String BEGIN = "-----BEGIN ";
    private static final String DASHES = "-----";

    private CutPoints() {
    }

    /**
     * The latest cut in {@code text} (an offset into its original text) after {@code from}, or -1 if there is none
     * yet. {@code findings} are the detector's findings in the same original text, in order.
     */
    static int latest(NormalisedText text, int from, List<PiiFinding> findings) {
        String n = text.text();
        int openKey = openKeyStart(n);
        int lastLongRun = -1;
        int runDigits = 0;
        int crossing = 0;
        int best = -1;
        for (int q = 1; q < n.length() && q <= openKey; q++) {
            char before = n.charAt(q - 1);
            if (isDigit(before)) {
                runDigits = continuesRun(n, q - 1) ? runDigits + 1 : 1;
                if (runDigits >= ROUTING_DIGITS) {
                    lastLongRun = q - 1;
                }
            }
            if (!isGap(before) || isGap(n.charAt(q))) {
                continue;
            }
            if (lastLongRun >= 0 && n.length() < lastLongRun + 1 + AFTER_CONTEXT) {
                break; // every later cut has this number before it too
            }
            int cut = text.originalStart(q);
            while (crossing < findings.size() && findings.get(crossing).end() <= cut) {
                crossing++;
            }
            boolean splitsFinding = crossing < findings.size() && findings.get(crossing).start() < cut;
            if (cut > from && !splitsFinding && !joined(n, q)) {
                best = cut;
            }
        }
        return best;
    }

    /** Whether the digit at {@code i} continues a number: a digit, or one separator and a digit, before it. */
    private static boolean continuesRun(String n, int i) {
        return i > 0 && (isDigit(n.charAt(i - 1))
                || (i > 1 && GROUP_SEPARATORS.indexOf(n.charAt(i - 1)) >= 0 && isDigit(n.charAt(i - 2))));
    }

    /** Whether a value could run across the gap that ends at {@code q}. */
    private static boolean joined(String n, int q) {
        int gap = q - 1;
        while (gap > 0 && isGap(n.charAt(gap - 1))) {
            gap--;
        }
        for (int i = gap; i < q; i++) {
            if (n.charAt(i) != ' ') {
                return false; // a line break
            }
        }
        return gap > 0 && (digitsJoin(n, gap, q) || groupsJoin(n, gap, q));
    }

    /** A phone, card or other digit run going on across the space: digits both sides, few separators between. */
    private static boolean digitsJoin(String n, int gap, int q) {
        int before = 0;
        while (before < MAX_PHONE_SEPARATORS && gap - 1 - before >= 0
                && SEPARATORS.indexOf(n.charAt(gap - 1 - before)) >= 0) {
            before++;
        }
        int after = 0;
        while (after < MAX_PHONE_SEPARATORS && q + after < n.length() && SEPARATORS.indexOf(n.charAt(q + after)) >= 0) {
            after++;
        }
        boolean digitBefore = gap - 1 - before >= 0 && isDigit(n.charAt(gap - 1 - before));
        boolean digitAfter = q + after >= n.length() || isDigit(n.charAt(q + after));
        return digitBefore && digitAfter && before + 1 + after <= MAX_PHONE_SEPARATORS;
    }

    /** An IBAN or NINO going on across the space: its groups are letters and digits with single separators. */
    private static boolean groupsJoin(String n, int gap, int q) {
        if (!isAlphanumeric(n.charAt(gap - 1)) || !isAlphanumeric(n.charAt(q))) {
            return false;
        }
        int runStart = gap - 1;
        for (int i = gap - 2; i >= Math.max(0, gap - IBAN_REACH); i--) {
            char c = n.charAt(i);
            if (isAlphanumeric(c)) {
                runStart = i;
            } else if (GROUP_SEPARATORS.indexOf(c) < 0 || i == 0 || !isAlphanumeric(n.charAt(i - 1))) {
                break;
            }
        }
        for (int s = runStart; s + 1 < gap; s++) {
            if (isLetter(n.charAt(s)) && isLetter(n.charAt(s + 1))
                    && (digitPair(n, s + 2) || (isGroupSeparator(n, s + 2) && digitPair(n, s + 3)))) {
                return true;
            }
        }
        return false;
    }

    /** Two digits at {@code i}, or text not read yet that may still bring them. */
    private static boolean digitPair(String n, int i) {
        return (i >= n.length() || isDigit(n.charAt(i))) && (i + 1 >= n.length() || isDigit(n.charAt(i + 1)));
    }

    private static boolean isGroupSeparator(String n, int i) {
        return i < n.length() && GROUP_SEPARATORS.indexOf(n.charAt(i)) >= 0;
    }

    /**
     * Where the first private-key block starts whose END line is not in {@code n} yet (or whose label is still being
     * written), or {@link Integer#MAX_VALUE}. Headers inside a closed block are skipped, as the recognizer skips them.
     */
    static int openKeyStart(String n) {
        int begin = n.indexOf(BEGIN);
        while (begin >= 0) {
            int labelEnd = n.indexOf(DASHES, begin + BEGIN.length());
            if (labelEnd < 0) {
                return begin;
            }
            String label = n.substring(begin + BEGIN.length(), labelEnd);
            int next = begin + BEGIN.length();
            // the same test as PrivateKeyRecognizer's
            if (label.endsWith("PRIVATE KEY") || label.endsWith("PRIVATE KEY BLOCK")) {
                int footer = n.indexOf("-----END " + label + DASHES, labelEnd + DASHES.length());
                if (footer < 0) {
                    return begin;
                }
                next = footer;
            }
            begin = n.indexOf(BEGIN, next);
        }
        return Integer.MAX_VALUE;
    }

    static boolean isGap(char c) {
        return c == ' ' || c == '\n' || c == '\r' || c == '\u000B' || c == '\f' || c == '\u0085' || c == '\u2028'
                || c == '\u2029';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isAlphanumeric(char c) {
        return isLetter(c) || isDigit(c);
    }
}
