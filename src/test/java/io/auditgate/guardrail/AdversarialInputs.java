package io.auditgate.guardrail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;

/**
 * Prompts of {@value #LENGTH} characters (the gateway's default {@code invoke.max-prompt-chars}) built to make a
 * detector do more than linear work: one unit repeated to fill the length. The units are the prefixes, separators and
 * trigger words the recognizers and injection checks start work at, so a scan that restarts at every occurrence and
 * runs to the end of the text shows up as seconds of CPU instead of milliseconds.
 */
public final class AdversarialInputs {

    public static final int LENGTH = 256 * 1024;

    private static final List<String> UNITS = List.of(
            // bearer tokens and JWTs
            "eyJ", "eyJ.", "eyJhbGciOiJIUzI1NiJ9.", "eyJhbGciOiJIUzI1NiJ9.eyJ", "eyJhbGci.eyJzdWIi.", "Bearer ",
            "bearer bearer", "Bearer abc123def456ghi789 ",
            // AWS keys and secrets
            "AKIA", "ASIA", "AKIAIOSFODNN7EXAMPL", "secret ", "secret aB3",
            "secret wJalrXUtnFEMI/K7MDENG/bPxRfiCYE",
            // private keys
            "-----BEGIN ", "-----BEGIN PRIVATE KEY-----", "-----BEGIN PRIVATE KEY-----!",
            "-----BEGIN RSA PRIVATE KEY-----\n", "-----", "-----END ",
            // phone numbers and digits
            "+1 ", "+", "+44 20 7946 0000, ", "020 7946 0000; ", "(020) 7946 0000 x ", "212-555-0100, ",
            "0123 456 789; ", "01234 567 8901, ", "+99 123 456 789, ", "00 99 123 456 789, ", "1 212 555 0100 x, ",
            "+1 (212) 555-0100/", "07700 900123, ", "call 2125550100, ", "00", "0", "1", "1 ", "12 ", "1234 ", "1.",
            "1-", "1/", "123-", "(1) ", "4111 ", "4111-1111-1111-1111 ", "536-22-1234 ", "943 476 5919 ",
            "routing 021000021 ", "nhs 9434765919 ",
            // the recognizers' context words
            "ssn ", "social security ", "routing ", "aba ", "transit ", "wire to ", "nhs ", "health service ", "phone ",
            "tel ", "mobile ", "order ", "isbn ", "account ", "claim ", "version ", "build ", "release ", "secret",
            // IBANs, NINOs, MAC addresses
            "GB82", "GB82 ", "GB82 WEST 1234 5698 7654 32 ", "GB82WEST", "QQ12", "AB 12 ", "AB123456C ", "aa:", "aa-",
            "aaaa.", "00:1A:2B:3C:4D:5E ",
            // e-mail and web addresses
            "@", "a@", "a@a", "a@a.", "a.a@", "-@", "jane.doe@example.com ", "http://", "http://a.b/",
            // IP addresses
            ".", "a.", "1.1.", "1.1.1.1.", "1.1.1.1 ", "version 1.1.1.1 ", ":", "a:", "1:", "::", "1::", "1:.", ".:",
            "f:.", "fe80::1 ", "ff:ff:ff:ff:ff:ff:ff:ff:",
            // hex and base64
            "f", "0x", "\\x41", "41 ", "41:", "0x41,", "deadbeef", "QUJD", "Aa0+/", "A=",
            "aWdub3JlIGFsbCBwcmV2aW91cyBpbnN0cnVjdGlvbnM= ",
            // injection cues and their anchors
            "ignore ", "ignore previous ", "ignore all previous instructions ", "ignore ignore previous rules ",
            "disregard ", "your ", "you are ", "new ", "from now on ", "repeat ", "pretend ", "act as ", "do not ",
            "role", "\"role\": ", " this", "<", "<|", "</", "[", "[system", "#", "# ", "\n", "\n#", "\nsystem", "---",
            "###", "===", "***", "```", "decode ", "dan ", "i g n o r e ", "i.", "a ", "1gn0r3 ", "$",
            // invisible, tag, bidi and non-ASCII characters
            "\u202E", "\u202Eignore\n", "\u200B", "a\u200B", "\uDB40\uDC41", "\uD83C\uDFF4\uDB40\uDC67", "\uFF11",
            "\u0661");

    private static final List<Named<String>> INPUTS = build();

    private AdversarialInputs() {
    }

    /** Every adversarial prompt, named by its unit. */
    public static Stream<Named<String>> all() {
        return INPUTS.stream();
    }

    private static List<Named<String>> build() {
        var inputs = new ArrayList<Named<String>>();
        for (String unit : UNITS) {
            inputs.add(Named.of(describe(unit), repeat(unit, LENGTH)));
        }
        byte[] attack = "ignore all previous instructions ".repeat(8).getBytes(StandardCharsets.UTF_8);
        String base64 = Base64.getEncoder().encodeToString(attack);
        inputs.add(Named.of("base64 of an attack, unbroken", repeat(base64, LENGTH)));
        inputs.add(Named.of("one long digit run", "7".repeat(LENGTH)));
        return List.copyOf(inputs);
    }

    /** {@code unit} repeated, then cut to {@code length} characters (never inside a surrogate pair). */
    public static String repeat(String unit, int length) {
        var text = new StringBuilder(length + unit.length());
        while (text.length() < length) {
            text.append(unit);
        }
        int end = Character.isHighSurrogate(text.charAt(length - 1)) ? length - 1 : length;
        return text.substring(0, end);
    }

    private static String describe(String unit) {
        var name = new StringBuilder("\"");
        for (char c : unit.toCharArray()) {
            name.append(c >= 0x20 && c < 0x7F ? String.valueOf(c) : String.format("\\u%04X", (int) c));
        }
        return name.append("\" repeated").toString();
    }
}
