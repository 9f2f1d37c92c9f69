package io.auditgate.audit.chain;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** Lowercase hex SHA-256, the one hash of the audit trail. */
public final class Sha256 {

    /** The hash of nothing yet: the {@code prev_hash} of a chain's first record. */
    public static final String ZERO = "0".repeat(64);

    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");
    /** Cloned for each hash: cheaper than a provider look-up each time (the journal writer hashes every record). */
    private static final MessageDigest PROTOTYPE = newDigest();

    private Sha256() {
    }

    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(digest(bytes));
    }

    static byte[] digest(byte[] bytes) {
        MessageDigest digest;
        try {
            digest = (MessageDigest) PROTOTYPE.clone();
        } catch (CloneNotSupportedException e) {
            digest = newDigest();
        }
        return digest.digest(bytes);
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    static boolean isHex(String value) {
        return value != null && HEX.matcher(value).matches();
    }
}
