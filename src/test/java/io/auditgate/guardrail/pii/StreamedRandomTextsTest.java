package io.auditgate.guardrail.pii;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random answers built from the pieces the cuts must respect (values in several spellings, their separators, context
 * words before and after, line breaks, invisible and non-ASCII characters, PEM lines), streamed in random chunks
 * with a pass after every delta: the joined output is always the whole answer's screening. Run with
 * {@code -DargLine=-Dstream.seed=N} for other answers; seeds 1 to 13 at 3,000 rounds each found the three holes
 * fixed here (phone separators around a space, half a surrogate pair at the end of a delta, a PEM header in the
 * kept context).
 */
class StreamedRandomTextsTest {

    private static final List<String> PIECES = List.of(
            "4111 1111 1111 1111", "4111-1111-1111-1111", "4111", "1111", "3782 822463 10005", "536-22-1234",
            "536 22 1234", "SSN", "ssn 536221234", "021000021", "021 000 021", "routing", "ABA", "943 476 5919",
            "9434765919", "NHS", "GB82 WEST 1234 5698 7654 32", "gb82west12345698765432", "GB82", "WEST", "32",
            "AB 12 34 56 C", "AB123456C", "JG103759A", "+44 20 7946 0321", "020 7946 0321", "(020) 7946 0321",
            "call", "phone", "tel:", "order", "account", "2125550100", "+1 (212) 555-0100", "jane.doe@example.com",
            "a@b", "10.12.4.200", "version 1.2.3.4", "fe80::1", "2001:db8::8a2e:370:7334", "00:1A:2B:3C:4D:5E",
            "0050.56c0.0008", "AKIAIOSFODNN7EXAMPLE", "secret", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
            "Bearer", "ya29.a0AfH6SMBx3kP9Qw7Zr2LmN0vT",
            "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
            "-----BEGIN RSA PRIVATE KEY-----", "MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun",
            "-----END RSA PRIVATE KEY-----", "the", "and", "of", "12", "2024", "1.5", "x", "-", "/", ".", ",", ";",
            "(", ")", ":", "٤١١١", "\u2062", "\u200B", "\u00A0", "\uD835\uDFD2", "\u00AD", "é",
            "bearer", "BEARER", "ss#", "H&C number", "wire to", "number:", "--", "x", "ab", "12:34", "::", "ff",
            "-----BEGIN PRIVATE KEY-----", "-----END PRIVATE KEY-----", "-----BEGIN ", "-----BEGIN CERTIFICATE-----",
            "4111111111111111", "\u0301", "\uFF14\uFF11", "\u2014", "\u2212", "+", "00", "1", "7");
    private static final List<String> GAPS = List.of(" ", " ", " ", "  ", "\n", "\n\n", "\t", "", "", ", ", ". ",
            "\u00A0", "\u2028", "\r\n", " \u200B ", "-", " - ", "/", ".", " (");
    private static final List<PiiPolicy> POLICIES = List.of(PiiPolicy.maskAll(), PiiPolicy.of(
            Map.of(PiiType.PHONE, PiiAction.ALLOW, PiiType.EMAIL, PiiAction.ALLOW, PiiType.IP_ADDRESS,
                    PiiAction.ALLOW)));

    /** Java-escaped, so that a failing answer can be pasted into a test. */
    private static String escaped(String text) {
        var out = new StringBuilder("\"");
        text.chars().forEach(c -> out.append(c >= 0x20 && c < 0x7F && c != '"' && c != '\\'
                ? String.valueOf((char) c) : String.format("\\u%04X", c)));
        return out.append('"').toString();
    }

    @Test
    void randomAnswersInRandomChunksAreMaskedExactlyAsScreenedWhole() {
        var random = new Random(Long.getLong("stream.seed", 1616));
        for (int round = 0; round < 400; round++) {
            var answer = new StringBuilder();
            int pieces = 5 + random.nextInt(40);
            for (int i = 0; i < pieces; i++) {
                answer.append(PIECES.get(random.nextInt(PIECES.size()))).append(GAPS.get(random.nextInt(GAPS.size())));
            }
            String text = answer.toString();
            var chunks = new ArrayList<String>();
            for (int i = 0; i < text.length(); ) {
                int next = Math.min(text.length(), i + 1 + random.nextInt(random.nextBoolean() ? 3 : 30));
                chunks.add(text.substring(i, next));
                i = next;
            }
            try {
                Streaming.stream(text, chunks, POLICIES.get(round % 2), true).matchesTheWholeAnswer();
            } catch (AssertionError e) {
                throw new AssertionError("answer " + escaped(text) + " in chunks of "
                        + chunks.stream().map(String::length).toList(), e);
            }
        }
    }
}
