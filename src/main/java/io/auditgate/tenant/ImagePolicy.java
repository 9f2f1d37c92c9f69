package io.auditgate.tenant;

import io.auditgate.conversation.ImageFormat;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Whether a tenant may show the model images, and which: an opt-in ({@link #NONE} unless the policy says
 * {@code "images": {"allowed": true}}), because images pass unscreened: no PII detector reads pixels, so an operator
 * who enables them accepts that a screenshot of a customer record reaches the model as it is.
 *
 * @param maxBytes the largest decoded image, at most Bedrock's {@value #BEDROCK_MAX_BYTES} bytes
 * @param formats  the formats accepted
 */
public record ImagePolicy(boolean allowed, int maxBytes, Set<ImageFormat> formats) {

    /** Bedrock Converse's limit per image (3.75 MB). */
    public static final int BEDROCK_MAX_BYTES = 3_750_000;
    public static final ImagePolicy NONE = new ImagePolicy(false, BEDROCK_MAX_BYTES, EnumSet.allOf(ImageFormat.class));

    public ImagePolicy {
        Objects.requireNonNull(formats, "formats");
        formats = Set.copyOf(formats);
        if (maxBytes < 1 || maxBytes > BEDROCK_MAX_BYTES) {
            throw new IllegalArgumentException("max_bytes must be 1 to " + BEDROCK_MAX_BYTES);
        }
    }
}
