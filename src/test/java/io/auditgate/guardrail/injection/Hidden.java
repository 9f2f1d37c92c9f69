package io.auditgate.guardrail.injection;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;

/** Builds test prompts that hide text the ways attackers do. */
final class Hidden {

    private Hidden() {
    }

    static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static String hex(String text) {
        return HexFormat.of().formatHex(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Each ASCII character as its Unicode tag character (U+E0000 + code). */
    static String tags(String ascii) {
        var hidden = new StringBuilder();
        ascii.chars().forEach(c -> hidden.appendCodePoint(0xE0000 + c));
        return hidden.toString();
    }
}
