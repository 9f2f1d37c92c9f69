package io.auditgate.guardrail.pii;

import java.util.List;
import java.util.regex.Pattern;

/**
 * AWS credentials. Access key ids are {@code AKIA} (long-term) or {@code ASIA} (temporary) and 16 more upper-case
 * letters or digits. Secret keys are 40 base64 characters with no fixed prefix, so they count only after a word
 * such as "secret" and only if they mix upper case, lower case and digits, which a 40-character hex hash never does.
 */
final class AwsKeyRecognizer implements Recognizer {

    private static final Pattern ACCESS_KEY = Pattern.compile("A[KS]IA[A-Z0-9]{16}");
    private static final Pattern SECRET_KEY = Pattern.compile("[A-Za-z0-9/+]{40}");
    private static final Context SECRET_CONTEXT = new Context(80, "secret", "aws_secret", "secretaccesskey");
    private static final String BASE64 = "/+=";

    @Override
    public void scan(Tokens tokens, List<Candidate> out) {
        String text = tokens.text();
        if (text.contains("AKIA") || text.contains("ASIA")) {
            scanAccessKeys(text, out);
        }
        if (Context.mentions(text, "secret")) {
            scanSecrets(text, out);
        }
    }

    private static void scanAccessKeys(String text, List<Candidate> out) {
        var accessKey = ACCESS_KEY.matcher(text);
        while (accessKey.find()) {
            if (Boundaries.freeBefore(text, accessKey.start(), "_") && Boundaries.freeAfter(text, accessKey.end(), "_")) {
                out.add(new Candidate(PiiType.AWS_ACCESS_KEY, accessKey.start(), accessKey.end(), Candidate.VALIDATED));
            }
        }
    }

    private static void scanSecrets(String text, List<Candidate> out) {
        var secret = SECRET_KEY.matcher(text);
        while (secret.find()) {
            int start = secret.start();
            int end = secret.end();
            if (isolated(text, start, end) && mixesCharacterClasses(secret.group())
                    && SECRET_CONTEXT.precedes(text, start)) {
                out.add(new Candidate(PiiType.AWS_SECRET_KEY, start, end, Candidate.CONTEXT_CONFIRMED));
            }
        }
    }

    private static boolean isolated(String text, int start, int end) {
        boolean before = start == 0 || !isBase64(text.charAt(start - 1)) || text.charAt(start - 1) == '=';
        boolean after = end == text.length() || !isBase64(text.charAt(end));
        return before && after;
    }

    private static boolean isBase64(char c) {
        return (c < 0x80 && Character.isLetterOrDigit(c)) || BASE64.indexOf(c) >= 0;
    }

    private static boolean mixesCharacterClasses(String value) {
        boolean upper = false;
        boolean lower = false;
        boolean digit = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            upper |= c >= 'A' && c <= 'Z';
            lower |= c >= 'a' && c <= 'z';
            digit |= c >= '0' && c <= '9';
        }
        return upper && lower && digit;
    }
}
