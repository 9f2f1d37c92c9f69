package io.auditgate.guardrail.pii;

import java.util.List;
import java.util.regex.Pattern;

/**
 * MAC addresses: six hex pairs joined consistently by colons or dashes, or Cisco's three dotted quads. No library
 * validates these; the strict shape and the rule that the address must mix in a hex letter or a colon (so a run of
 * dash-joined decimal pairs such as a date code is not taken) are the whole check.
 */
final class MacAddressRecognizer implements Recognizer {

    private static final Pattern MAC = Pattern.compile(
            "[0-9A-Fa-f]{2}([:-])[0-9A-Fa-f]{2}(?:\\1[0-9A-Fa-f]{2}){4}|[0-9A-Fa-f]{4}\\.[0-9A-Fa-f]{4}\\.[0-9A-Fa-f]{4}");

    @Override
    public void scan(Tokens tokens, List<Candidate> out) {
        String text = tokens.text();
        var mac = MAC.matcher(text);
        int[] cursor = {0};
        while (tokens.find(mac, Tokens.Start.HEX, MacAddressRecognizer::shaped, cursor)) {
            int start = mac.start();
            int end = mac.end();
            String value = mac.group();
            if (Boundaries.freeBefore(text, start, ":-._") && Boundaries.freeAfter(text, end, ":-._")
                    && (value.indexOf(':') >= 0 || hasHexLetter(value))) {
                out.add(new Candidate(PiiType.MAC_ADDRESS, start, end, Candidate.PATTERN));
            }
        }
    }

    private static boolean hasHexLetter(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = Character.toLowerCase(value.charAt(i));
            if (c >= 'a' && c <= 'f') {
                return true;
            }
        }
        return false;
    }

    private static boolean shaped(String text, int start) {
        return Tokens.charIs(text, start + 2, ":-") || Tokens.charIs(text, start + 4, ".");
    }
}
