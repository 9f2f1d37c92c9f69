package io.auditgate.conversation;

import java.util.Arrays;
import java.util.Base64;

/** Small images for tests: real signatures followed by filler, and their data URLs. */
public final class TestImages {

    private TestImages() {
    }

    /** {@code size} bytes that start as a PNG file does. */
    public static byte[] png(int size) {
        var bytes = Arrays.copyOf(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, Math.max(size, 8));
        Arrays.fill(bytes, 8, bytes.length, (byte) 7);
        return bytes;
    }

    /** {@code size} bytes that start as a JPEG file does. */
    public static byte[] jpeg(int size) {
        var bytes = Arrays.copyOf(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}, Math.max(size, 4));
        Arrays.fill(bytes, 4, bytes.length, (byte) 9);
        return bytes;
    }

    public static String dataUrl(String mediaType, byte[] bytes) {
        return "data:" + mediaType + ";base64," + Base64.getEncoder().encodeToString(bytes);
    }

    /** An OpenAI {@code image_url} content part as JSON text. */
    public static String part(String url) {
        return "{\"type\":\"image_url\",\"image_url\":{\"url\":\"" + url + "\",\"detail\":\"low\"}}";
    }
}
