package io.auditgate.guardrail.pii;

import java.util.List;
import org.apache.commons.validator.routines.InetAddressValidator;

/**
 * IPv4 and IPv6 addresses, decided by Commons Validator's {@link InetAddressValidator}. Dotted quads that follow
 * "version", "build" or "release" are taken for version strings, and times such as 10:45:00 are not valid IPv6.
 */
final class IpAddressRecognizer implements Recognizer {

    private static final InetAddressValidator ADDRESSES = InetAddressValidator.getInstance();
    /** Eight groups of four hex digits, or six and a dotted quad: {@code ffff:...:ffff:255.255.255.255}. */
    private static final int MAX_V6_LENGTH = 45;
    private static final Context VERSION = new Context(12, "version", "build", "release", "ver.", "ver ");

    @Override
    public void scan(Tokens tokens, List<Candidate> out) {
        String text = tokens.text();
        if (text.indexOf('.') >= 0) {
            scanV4(tokens, out);
        }
        if (text.indexOf(':') >= 0) {
            scanV6(text, out);
        }
    }

    private static void scanV4(Tokens tokens, List<Candidate> out) {
        String text = tokens.text();
        int[] cursor = {0};
        for (int start; (start = tokens.find(Tokens.Start.DIGIT, NumberShapes::dottedQuadEnd, cursor)) >= 0; ) {
            int end = cursor[0];
            if (Boundaries.freeBefore(text, start, ".-_") && Boundaries.freeAfter(text, end, ".-_")
                    && ADDRESSES.isValidInet4Address(text.substring(start, end)) && !VERSION.precedes(text, start)) {
                out.add(new Candidate(PiiType.IP_ADDRESS, start, end, Candidate.VALIDATED));
            }
        }
    }

    /**
     * Takes each run of address characters (hex digits, colons, dots) that holds a colon as one candidate, without
     * its trailing dots and single colons. Every colon of a run expands to the same run, so the run is judged once and
     * the scan goes on after it: expanding each colon afresh cost time quadratic in the run's length when the trimmed
     * end fell short of the next colon ({@code 1:.:.:.:...}).
     */
    private static void scanV6(String text, List<Candidate> out) {
        int colon = text.indexOf(':');
        while (colon >= 0) {
            int start = colon;
            while (start > 0 && isV6Character(text.charAt(start - 1))) {
                start--;
            }
            int runEnd = colon + 1;
            while (runEnd < text.length() && isV6Character(text.charAt(runEnd))) {
                runEnd++;
            }
            int end = runEnd;
            while (end > start && (text.charAt(end - 1) == '.'
                    || (text.charAt(end - 1) == ':' && !text.startsWith("::", end - 2)))) {
                end--;
            }
            if (end - start >= 3 && end - start <= MAX_V6_LENGTH && Boundaries.freeBefore(text, start, "_-")
                    && Boundaries.freeAfter(text, end, "_-") && isAddress(text.substring(start, end))) {
                out.add(new Candidate(PiiType.IP_ADDRESS, start, end, Candidate.VALIDATED));
            }
            colon = text.indexOf(':', runEnd);
        }
    }

    private static boolean isV6Character(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == ':' || c == '.';
    }

    private static boolean isAddress(String candidate) {
        long colons = candidate.chars().filter(c -> c == ':').count();
        return (candidate.contains("::") || colons == 7) && ADDRESSES.isValidInet6Address(candidate);
    }
}
