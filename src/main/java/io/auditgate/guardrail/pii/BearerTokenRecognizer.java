package io.auditgate.guardrail.pii;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Bearer credentials: JSON Web Tokens anywhere (three base64url parts whose first decodes to a JSON header naming
 * {@code alg} or {@code typ}), and the token after the word "Bearer" (RFC 6750), which must be at least 16
 * characters and mix letters and digits so that prose such as "bearer bonds" is left alone.
 */
final class BearerTokenRecognizer implements Recognizer {

    private static final String JWT_START = "eyJ";
    private static final int MIN_PART = 4;
    private static final Pattern BEARER = Pattern.compile("(?i)bearer[ \\t]+([A-Za-z0-9._~+/-]{16,}=*)");

    @Override
    public void scan(Tokens tokens, List<Candidate> out) {
        String text = tokens.text();
        for (int[] jwt : jwtShapes(text)) {
            if (Boundaries.freeBefore(text, jwt[0], "_-.") && hasJsonHeader(text, jwt[0])) {
                out.add(new Candidate(PiiType.BEARER_TOKEN, jwt[0], jwt[1], Candidate.VALIDATED));
            }
        }
        if (Context.mentions(text, "bearer")) {
            var bearer = BEARER.matcher(text);
            while (bearer.find()) {
                int end = bearer.end(1);
                while (text.charAt(end - 1) == '.') {
                    end--;
                }
                if (Boundaries.freeBefore(text, bearer.start(), "_-") && mixesLettersAndDigits(bearer.group(1))) {
                    out.add(new Candidate(PiiType.BEARER_TOKEN, bearer.start(1), end, Candidate.VALIDATED));
                }
            }
        }
    }

    /**
     * Start and end of every match, in order, that {@code find()} with
     * {@code eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*} would return, in time linear in the text. The
     * regex tried at every {@code eyJ} scans on to the end of its base64url run, so {@code eyJeyJeyJ...} cost time
     * quadratic in the length (17 s of CPU for 65 KB). Here, when the shape fails at an {@code eyJ}, every later
     * {@code eyJ} in the same run fails too (its first part ends at the same place, only shorter), so the scan skips
     * to the end of the run.
     */
    static List<int[]> jwtShapes(String text) {
        var shapes = new ArrayList<int[]>(0);
        int at = text.indexOf(JWT_START);
        while (at >= 0) {
            int end = jwtEnd(text, at);
            if (end >= 0) {
                shapes.add(new int[] {at, end});
                at = text.indexOf(JWT_START, end);
            } else {
                at = text.indexOf(JWT_START, runEnd(text, at + JWT_START.length()));
            }
        }
        return shapes;
    }

    /** The end of the JWT shape that starts with {@code eyJ} at {@code start}, or -1. */
    private static int jwtEnd(String text, int start) {
        int header = runEnd(text, start + JWT_START.length());
        if (header - start - JWT_START.length() < MIN_PART || !Tokens.charIs(text, header, ".")) {
            return -1;
        }
        int payload = runEnd(text, header + 1);
        if (payload - header - 1 < MIN_PART || !Tokens.charIs(text, payload, ".")) {
            return -1;
        }
        return runEnd(text, payload + 1);
    }

    /** The end of the run of base64url characters that starts at {@code from}. */
    private static int runEnd(String text, int from) {
        int end = from;
        while (end < text.length() && isBase64Url(text.charAt(end))) {
            end++;
        }
        return end;
    }

    private static boolean isBase64Url(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    }

    private static boolean hasJsonHeader(String text, int start) {
        String header = text.substring(start, text.indexOf('.', start));
        try {
            String json = new String(Base64.getUrlDecoder().decode(header), StandardCharsets.UTF_8).strip();
            return json.startsWith("{") && (json.contains("\"alg\"") || json.contains("\"typ\""));
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }

    private static boolean mixesLettersAndDigits(String token) {
        return token.chars().anyMatch(Character::isDigit) && token.chars().anyMatch(Character::isLetter);
    }
}
