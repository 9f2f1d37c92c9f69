package io.auditgate.quota;

import io.auditgate.tenant.ModelPrice;

/**
 * Tokens and money of a request, exactly: tokens per minute count input + output × the model's output weight, budgets
 * count input + output, and cost is tokens × price per 1,000 in nano-USD, which is pico-USD per token (no rounding).
 * Input is estimated before the model reads it as UTF-8 bytes / 3, rounded up: above what Bedrock's tokenisers count
 * for English text (about 4 characters a token) and for most other scripts (one token at most per 3-byte character).
 */
public final class Pricing {

    private Pricing() {
    }

    public static Demand demand(ModelPrice price, long inputTokens, long outputTokens) {
        return new Demand(Math.addExact(inputTokens, Math.multiplyExact(outputTokens, price.outputTokenWeight())),
                inputTokens + outputTokens,
                Math.addExact(Math.multiplyExact(inputTokens, price.inputNanoUsdPer1k()),
                        Math.multiplyExact(outputTokens, price.outputNanoUsdPer1k())));
    }

    /** The estimated tokens of {@code text}: its UTF-8 bytes / 3, rounded up. */
    public static long estimatedTokens(CharSequence text) {
        long bytes = utf8Length(text);
        return (bytes + 2) / 3;
    }

    /** UTF-8 length without encoding a copy. */
    static long utf8Length(CharSequence text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            var c = text.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
