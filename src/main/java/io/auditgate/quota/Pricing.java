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

    /** The estimated tokens of {@code text}: its UTF-8 bytes / 3, rounded up ({@link TokenEstimate} for pieces). */
    public static long estimatedTokens(CharSequence text) {
        return new TokenEstimate().add(text).tokens();
    }
}
