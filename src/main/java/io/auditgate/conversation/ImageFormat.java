package io.auditgate.conversation;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The image formats Bedrock's Converse {@code ImageBlock} takes, each with its media type and the first bytes every
 * file of the format starts with. A client declares a media type; {@link #of(byte[])} says what the bytes are, so a
 * request whose declaration and bytes disagree can be refused instead of letting the model guess.
 */
public enum ImageFormat {
    PNG("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}),
    JPEG("image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
    GIF("image/gif", "GIF8".getBytes(java.nio.charset.StandardCharsets.US_ASCII)),
    WEBP("image/webp", "RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

    private static final byte[] WEBP_TAG = "WEBP".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final String mediaType;
    private final byte[] magic;

    ImageFormat(String mediaType, byte[] magic) {
        this.mediaType = mediaType;
        this.magic = magic;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The lower-case name Bedrock and the tenants policy use: {@code png}, {@code jpeg}, {@code gif}, {@code webp}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The format of a lower-case wire name. */
    public static Optional<ImageFormat> ofWire(String name) {
        return Arrays.stream(values()).filter(f -> f.wire().equals(name)).findFirst();
    }

    /** The format of a media type ({@code image/jpg}, which clients send too, is JPEG); case-insensitive. */
    public static Optional<ImageFormat> ofMediaType(String mediaType) {
        var type = mediaType.toLowerCase(Locale.ROOT);
        return type.equals("image/jpg") ? Optional.of(JPEG)
                : Arrays.stream(values()).filter(f -> f.mediaType.equals(type)).findFirst();
    }

    /** The format the bytes are by their signature (GIF87a/GIF89a, WebP's {@code RIFF....WEBP}); reads 12 bytes. */
    public static Optional<ImageFormat> of(byte[] bytes) {
        return Arrays.stream(values()).filter(f -> f.starts(bytes)).findFirst();
    }

    private boolean starts(byte[] bytes) {
        if (bytes.length < magic.length || !Arrays.equals(bytes, 0, magic.length, magic, 0, magic.length)) {
            return false;
        }
        if (this == GIF) {
            return bytes.length >= 6 && (bytes[4] == '7' || bytes[4] == '9') && bytes[5] == 'a';
        }
        return this != WEBP || bytes.length >= 12 && Arrays.equals(bytes, 8, 12, WEBP_TAG, 0, 4);
    }
}
