package io.auditgate.guardrail.pii;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Bearer credentials: JSON Web Tokens anywhere (three base64url parts whose first decodes to a JSON header naming
 * {@code alg} or {@code typ}), and the token after the word "Bearer" (RFC 6750), which must be at least 16
 * characters and mix letters and digits so that prose such as "bearer bonds" is left alone.
 */
final class BearerTokenRecognizer implements Recognizer {

    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*");
    private static final Pattern BEARER = Pattern.compile("(?i)bearer[ \\t]+([A-Za-z0-9._~+/-]{16,}=*)");

    @Override
    public void scan(Tokens tokens, List<Candidate> out) {
        String text = tokens.text();
        if (text.contains("eyJ")) {
            var jwt = JWT.matcher(text);
            while (jwt.find()) {
                if (Boundaries.freeBefore(text, jwt.start(), "_-.") && hasJsonHeader(jwt.group())) {
                    out.add(new Candidate(PiiType.BEARER_TOKEN, jwt.start(), jwt.end(), Candidate.VALIDATED));
                }
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

    private static boolean hasJsonHeader(String token) {
        String header = token.substring(0, token.indexOf('.'));
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
