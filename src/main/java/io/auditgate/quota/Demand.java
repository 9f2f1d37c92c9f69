package io.auditgate.quota;

/**
 * What a request counts against the buckets besides itself: tokens against tokens-per-minute (input + output ×
 * the model's output weight), tokens against the budgets (input + output) and cost in pico-USD. Reserved as an
 * estimate at admission, settled as the actual use at the end.
 */
public record Demand(long rateTokens, long budgetTokens, long costPicoUsd) {

    public static final Demand NONE = new Demand(0, 0, 0);
    static final int LENGTH = 3;

    public Demand {
        if (rateTokens < 0 || budgetTokens < 0 || costPicoUsd < 0) {
            throw new IllegalArgumentException("a demand is not negative");
        }
    }

    long[] toArray() {
        return new long[] {rateTokens, budgetTokens, costPicoUsd};
    }

    static Demand of(long[] values, int offset) {
        return new Demand(values[offset], values[offset + 1], values[offset + 2]);
    }
}
