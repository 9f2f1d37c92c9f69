package io.auditgate.guardrail.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The JWT, IPv6 and PEM scans were rewritten to run in linear time. On random short texts built from the pieces that
 * matter, each must find exactly what the quadratic version it replaced found (that version is kept here as the
 * reference).
 */
class LinearScansAgreeWithWhatTheyReplacedTest {

    private static final int SAMPLES = 100_000;

    @Test
    void jwtShapesAreTheMatchesOfTheOldRegex() {
        var regex = Pattern.compile("eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*");
        var random = new Random(20240607);
        int found = 0;
        for (int n = 0; n < SAMPLES; n++) {
            String text = randomText(random, "eyJ", "eyJ", "a", "Zb09", "abcd", "eyJhbGci", "_", "-", ".", ".", " ",
                    "=");
            var expected = new ArrayList<List<Integer>>();
            for (var matcher = regex.matcher(text); matcher.find(); ) {
                expected.add(List.of(matcher.start(), matcher.end()));
            }
            var actual = BearerTokenRecognizer.jwtShapes(text).stream().map(m -> List.of(m[0], m[1])).toList();
            assertThat(actual).as("'%s'", text).isEqualTo(expected);
            found += expected.isEmpty() ? 0 : 1;
        }
        assertThat(found).as("texts with a JWT shape").isGreaterThan(SAMPLES / 100);
    }

    @Test
    void ipAddressesAreThoseTheOldColonScanFound() {
        var random = new Random(20240607);
        var recognizer = new IpAddressRecognizer();
        int found = 0;
        for (int n = 0; n < SAMPLES; n++) {
            String text = randomText(random, "fe80", "::", ":", ":", "1", "db8", ".", "1.2.3.4", "g", " ", "_", "-",
                    "ffff", "0");
            var actual = new ArrayList<Candidate>();
            recognizer.scan(Tokens.of(text), actual);
            var expected = new ArrayList<Candidate>();
            OldScans.v6(text, expected);
            OldScans.v4(text, actual, expected);
            assertThat(Overlaps.resolve(actual)).as("'%s'", text).isEqualTo(Overlaps.resolve(expected));
            found += expected.stream().anyMatch(c -> text.substring(c.start(), c.end()).indexOf(':') >= 0) ? 1 : 0;
        }
        assertThat(found).as("texts with an IPv6 address").isGreaterThan(SAMPLES / 100);
    }

    @Test
    void privateKeysAreThoseTheOldHeaderSearchFound() {
        var random = new Random(20240607);
        var recognizer = new PrivateKeyRecognizer();
        int found = 0;
        int withFooter = 0;
        for (int n = 0; n < SAMPLES; n++) {
            String text = randomText(random, "-----BEGIN ", "-----END ", "PRIVATE KEY", "RSA ", "-----", "-----",
                    "-----BEGIN PRIVATE KEY-----", "-----END PRIVATE KEY-----", "-----BEGIN EC PRIVATE KEY-----",
                    "-----END EC PRIVATE KEY-----", "\n", "\n\n", "MIIB", "!", " ", "-", "PUBLIC KEY");
            var actual = new ArrayList<Candidate>();
            recognizer.scan(Tokens.of(text), actual);
            var expected = new ArrayList<Candidate>();
            OldScans.pem(text, expected);
            assertThat(actual).as("'%s'", text).isEqualTo(expected);
            found += expected.isEmpty() ? 0 : 1;
            withFooter += expected.stream().map(c -> text.substring(c.start(), c.end()))
                    .anyMatch(key -> key.endsWith("PRIVATE KEY-----") && key.contains("-----END ")) ? 1 : 0;
        }
        assertThat(found).as("texts with a private key").isGreaterThan(SAMPLES / 100);
        assertThat(withFooter).as("texts with a private key and its END line").isGreaterThan(SAMPLES / 1000);
    }

    private static String randomText(Random random, String... pieces) {
        var text = new StringBuilder();
        int length = 1 + random.nextInt(12);
        for (int i = 0; i < length; i++) {
            text.append(pieces[random.nextInt(pieces.length)]);
        }
        return text.toString();
    }

    /** The scans as they were before they were made linear. */
    private static final class OldScans {

        static void v4(String text, List<Candidate> actual, List<Candidate> expected) {
            // the IPv4 scan did not change: carry its findings over
            actual.stream().filter(c -> text.substring(c.start(), c.end()).indexOf(':') < 0).forEach(expected::add);
        }

        static void v6(String text, List<Candidate> out) {
            int colon = text.indexOf(':');
            while (colon >= 0) {
                int start = colon;
                while (start > 0 && isV6Character(text.charAt(start - 1))) {
                    start--;
                }
                int end = colon + 1;
                while (end < text.length() && isV6Character(text.charAt(end))) {
                    end++;
                }
                while (end > start && (text.charAt(end - 1) == '.'
                        || (text.charAt(end - 1) == ':' && !text.startsWith("::", end - 2)))) {
                    end--;
                }
                if (end - start >= 3 && Boundaries.freeBefore(text, start, "_-")
                        && Boundaries.freeAfter(text, end, "_-") && isAddress(text.substring(start, end))) {
                    out.add(new Candidate(PiiType.IP_ADDRESS, start, end, Candidate.VALIDATED));
                }
                colon = text.indexOf(':', Math.max(end, colon + 1));
            }
        }

        private static boolean isV6Character(char c) {
            return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == ':' || c == '.';
        }

        private static boolean isAddress(String candidate) {
            long colons = candidate.chars().filter(c -> c == ':').count();
            return (candidate.contains("::") || colons == 7)
                    && org.apache.commons.validator.routines.InetAddressValidator.getInstance()
                            .isValidInet6Address(candidate);
        }

        static void pem(String text, List<Candidate> out) {
            int begin = text.indexOf("-----BEGIN ");
            while (begin >= 0) {
                int headerEnd = text.indexOf("-----", begin + 11);
                if (headerEnd < 0) {
                    return;
                }
                String label = text.substring(begin + 11, headerEnd);
                int end = begin + 11;
                if (label.endsWith("PRIVATE KEY") || label.endsWith("PRIVATE KEY BLOCK")) {
                    end = pemEnd(text, label, headerEnd + 5);
                    out.add(new Candidate(PiiType.PRIVATE_KEY, begin, end, Candidate.VALIDATED));
                }
                begin = text.indexOf("-----BEGIN ", end);
            }
        }

        private static int pemEnd(String text, String label, int bodyStart) {
            String footer = "-----END " + label + "-----";
            int footerAt = text.indexOf(footer, bodyStart);
            if (footerAt >= 0) {
                return footerAt + footer.length();
            }
            int end = bodyStart;
            while (end < text.length() && isBodyCharacter(text.charAt(end)) && !text.startsWith("\n\n", end)) {
                end++;
            }
            while (end > bodyStart && Character.isWhitespace(text.charAt(end - 1))) {
                end--;
            }
            return end;
        }

        private static boolean isBodyCharacter(char c) {
            return (c < 0x80 && Character.isLetterOrDigit(c)) || c == '+' || c == '/' || c == '=' || c == ':'
                    || c == '-' || c == ',' || Character.isWhitespace(c);
        }
    }
}
