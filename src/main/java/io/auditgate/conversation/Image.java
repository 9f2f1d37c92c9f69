package io.auditgate.conversation;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * An image a user turn shows the model: its checked format and bytes (decoded, never the client's base64), where the
 * client put it ({@code position}, the endpoint's path such as {@code messages[1].content[0]}, so that a refusal and
 * the record can name it) and the SHA-256 of the bytes, computed once, so an auditor can match a retained copy.
 * Images are not screened: no text detector reads pixels. {@link #toString()} never prints the bytes; the bytes
 * are copied in and out, since an array in a record would otherwise be shared.
 */
public record Image(ImageFormat format, byte[] bytes, String position, String sha256) {

    public Image {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(sha256, "sha256");
        bytes = bytes.clone();
    }

    /** An image of {@code bytes}, its digest computed here. */
    public static Image of(ImageFormat format, byte[] bytes, String position) {
        return new Image(format, bytes, position, sha256(bytes));
    }

    /** A copy of the bytes. */
    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The bytes read-only, without a copy (a mapping that copies them anyway needs no second one). */
    public ByteBuffer view() {
        return ByteBuffer.wrap(bytes).asReadOnlyBuffer();
    }

    public int size() {
        return bytes.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Image image && format == image.format && position.equals(image.position)
                && sha256.equals(image.sha256) && Arrays.equals(bytes, image.bytes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(format, position, sha256);
    }

    @Override
    public String toString() {
        return "Image[" + format.wire() + ", " + bytes.length + " bytes, sha256 " + sha256 + ", at " + position + "]";
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
