package io.auditgate.guardrail.injection;

import java.util.Base64;
import java.util.Optional;
import java.util.function.IntPredicate;
import java.util.regex.Pattern;

/** The encodings in which instructions are hidden from phrase checks, with how to find and decode a run. */
enum Encoding {

    /** Standard or URL-safe alphabet, at least 24 characters (18 bytes), padding optional. */
    BASE64(Technique.BASE64_PAYLOAD, "[A-Za-z0-9+/_-]{24,}={0,2}",
            c -> c < 128 && (Character.isLetterOrDigit(c) || "+/_-".indexOf(c) >= 0), 24) {
        @Override
        Optional<byte[]> decode(String run) {
            String body = run.replace('-', '+').replace('_', '/').replace("=", "");
            body = body.substring(0, body.length() - (body.length() % 4 == 1 ? 1 : 0));
            try {
                return Optional.of(Base64.getDecoder().decode(body + "==".substring(0, (4 - body.length() % 4) % 4)));
            } catch (IllegalArgumentException notBase64) {
                return Optional.empty();
            }
        }
    },

    /** At least 16 bytes as hex digits, contiguous or separated by spaces, colons, commas, "\x" or "0x". */
    HEX(Technique.HEX_PAYLOAD, "[0-9a-fA-F][0-9a-fA-Fx\\\\ :,-]{30,}[0-9a-fA-F]",
            c -> c < 128 && (Character.digit(c, 16) >= 0 || "x\\ :,-".indexOf(c) >= 0), 32) {
        @Override
        Optional<byte[]> decode(String run) {
            String digits = longestHexRun(run.replace("\\x", "").replace("0x", "").split("[ :,-]"));
            if (digits.length() % 2 != 0 || digits.length() < 32) {
                return Optional.empty();
            }
            byte[] bytes = new byte[digits.length() / 2];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) Integer.parseInt(digits, 2 * i, 2 * i + 2, 16);
            }
            return Optional.of(bytes);
        }
    };

    private final Technique technique;
    private final Pattern run;
    private final IntPredicate runChar;
    private final int minRun;

    /**
     * @param run     what a candidate run looks like
     * @param runChar the characters {@code run} can match
     * @param minRun  the shortest match {@code run} can have
     */
    Encoding(Technique technique, String run, IntPredicate runChar, int minRun) {
        this.technique = technique;
        this.run = Pattern.compile(run);
        this.runChar = runChar;
        this.minRun = minRun;
    }

    /**
     * False when {@link #run()} cannot find anything in the text: no {@code minRun} consecutive characters
     * that a run may hold. One pass over the characters, many times cheaper than trying the pattern at every
     * position, which dominated screening time on ordinary prompts (they hold no such run).
     */
    boolean mayHoldRun(CharSequence text) {
        int length = 0;
        for (int i = 0; i < text.length(); i++) {
            length = runChar.test(text.charAt(i)) ? length + 1 : 0;
            if (length >= minRun) {
                return true;
            }
        }
        return false;
    }

    Technique technique() {
        return technique;
    }

    Pattern run() {
        return run;
    }

    /** The bytes a candidate run encodes, or empty if it is not valid in this encoding. */
    abstract Optional<byte[]> decode(String run);

    /** The longest contiguous hex token, or the longest run of consecutive two-digit tokens, joined. */
    private static String longestHexRun(String[] tokens) {
        String longest = "";
        var bytes = new StringBuilder();
        for (String token : tokens) {
            boolean hex = !token.isEmpty() && token.chars().allMatch(c -> Character.digit(c, 16) >= 0);
            if (hex && token.length() > longest.length()) {
                longest = token;
            }
            if (hex && token.length() == 2) {
                bytes.append(token);
            } else {
                bytes.setLength(0);
            }
            if (bytes.length() > longest.length()) {
                longest = bytes.toString();
            }
        }
        return longest;
    }
}
