package io.auditgate.openai;

import io.auditgate.conversation.Image;
import io.auditgate.conversation.ImageFormat;
import io.auditgate.http.JsonFields;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * An {@code image_url} content part, {@code {"type": "image_url", "image_url": {"url": "data:image/png;base64,..."}}},
 * as a checked {@link Image}. Only {@code data:} URLs: the gateway never fetches a URL a client names, since that
 * would let any caller make it request internal addresses (server-side request forgery) and it has no egress but
 * Bedrock. The base64 is decoded strictly ({@link Base64#getDecoder()}: no line breaks, no URL alphabet), the
 * declared media type must be one Bedrock takes and the bytes' signature must agree with it, and no image may be
 * larger than Bedrock's {@value #MAX_BYTES} bytes (checked before decoding, so no work is spent on a larger one).
 * A tenant's own smaller limit and formats are the core's check, once the tenant is known. {@code detail} is
 * ignored: Bedrock has no such setting.
 */
final class ImageParts {

    /** Bedrock Converse's limit per image (3.75 MB). */
    static final int MAX_BYTES = 3_750_000;
    /** Bedrock Converse's limit of images per request. */
    static final int MAX_IMAGES = 20;
    static final String NO_FETCH = "must be a data: URL (data:image/png;base64,...): the gateway never fetches URLs "
            + "(fetching what a client names would be server-side request forgery, and it has no outbound access "
            + "but Bedrock)";

    private ImageParts() {
    }

    /** The image of part {@code part}; {@code field} names it ({@code messages[1].content[0]}). */
    static Optional<Image> read(JsonObject part, String field, JsonFields fields) {
        var urlField = field + ".image_url.url";
        if (!(part.get("image_url") instanceof JsonObject image) || !(image.get("url") instanceof JsonString url)) {
            fields.reject(urlField, "is required: {\"image_url\": {\"url\": \"data:image/png;base64,...\"}}");
            return Optional.empty();
        }
        var text = url.getString();
        var comma = text.indexOf(',');
        if (!text.regionMatches(true, 0, "data:", 0, 5) || comma < 0) {
            fields.reject(urlField, NO_FETCH);
            return Optional.empty();
        }
        var header = text.substring(5, comma).split(";");
        if (header.length < 2 || !header[header.length - 1].equalsIgnoreCase("base64")) {
            fields.reject(urlField, "must be base64: data:image/png;base64,...");
            return Optional.empty();
        }
        var declared = ImageFormat.ofMediaType(header[0].trim());
        if (declared.isEmpty()) {
            fields.reject(urlField, "must be an image/png, image/jpeg, image/gif or image/webp data URL");
            return Optional.empty();
        }
        return decoded(text, comma + 1, urlField, fields)
                .flatMap(bytes -> checked(declared.get(), bytes, field, urlField, fields));
    }

    private static Optional<byte[]> decoded(String url, int start, String urlField, JsonFields fields) {
        var length = url.length() - start;
        if ((long) length / 4 * 3 - 2 > MAX_BYTES) {
            fields.reject(urlField, "is larger than " + MAX_BYTES + " bytes decoded (Bedrock's limit per image)");
            return Optional.empty();
        }
        try {
            var bytes = Base64.getDecoder().decode(url.substring(start));
            if (bytes.length == 0) {
                fields.reject(urlField, "holds no image");
                return Optional.empty();
            }
            return Optional.of(bytes);
        } catch (IllegalArgumentException e) {
            fields.reject(urlField, "is not valid base64 (standard alphabet, no line breaks)");
            return Optional.empty();
        }
    }

    private static Optional<Image> checked(ImageFormat declared, byte[] bytes, String field, String urlField,
                                           JsonFields fields) {
        if (bytes.length > MAX_BYTES) {
            fields.reject(urlField, "is larger than " + MAX_BYTES + " bytes decoded (Bedrock's limit per image)");
            return Optional.empty();
        }
        var actual = ImageFormat.of(bytes);
        if (actual.isEmpty() || actual.get() != declared) {
            fields.reject(urlField, "declares " + declared.mediaType() + " but its bytes are "
                    + actual.map(f -> "a " + f.wire().toUpperCase(Locale.ROOT) + " image").orElse("no supported image"));
            return Optional.empty();
        }
        return Optional.of(Image.of(declared, bytes, field));
    }
}
