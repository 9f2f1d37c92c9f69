package io.auditgate.tenant;

import java.math.BigDecimal;

/**
 * One model's entry in the policy's {@code models} table: its price per 1,000 input and output tokens, exact in
 * nano-USD (so a token costs that many pico-USD), and how much an output token weighs against a tokens-per-minute
 * limit (Bedrock's quotas count some models' output tokens several times).
 */
public record ModelPrice(long inputNanoUsdPer1k, long outputNanoUsdPer1k, int outputTokenWeight) {

    /** A model with no entry: free for budgets (a tenant with a cost budget cannot use it), weight 1. */
    public static final ModelPrice UNPRICED = new ModelPrice(0, 0, 1);

    public ModelPrice {
        if (inputNanoUsdPer1k < 0 || outputNanoUsdPer1k < 0 || outputTokenWeight < 1) {
            throw new IllegalArgumentException("prices must not be negative and the weight at least 1");
        }
    }

    /** USD as written in the policy to nano-USD, exactly; more than nine decimals is an error. */
    static long nanoUsd(BigDecimal usd) {
        return usd.movePointRight(9).longValueExact();
    }

    /** USD as written in the policy to pico-USD, exactly; more than twelve decimals is an error. */
    static long picoUsd(BigDecimal usd) {
        return usd.movePointRight(12).longValueExact();
    }
}
