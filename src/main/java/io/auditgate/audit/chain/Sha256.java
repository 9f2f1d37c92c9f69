package io.auditgate.audit.chain;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Lowercase hex SHA-256, the one hash of the audit trail. */
public final class Sha256 {

    /** The hash of nothing yet: the {@code prev_hash} of a chain's first record. */
    public static final String ZERO = "0".repeat(64);

    private Sha256() {
    }

    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(digest(bytes));
    }

    static byte[] digest(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    static boolean isHex(String value) {
        return value != null && value.matches("[0-9a-f]{64}");
    }
}
