package io.auditgate.audit.chain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * A number written the way ECMAScript's {@code Number.prototype.toString} writes an IEEE-754 double, as RFC 8785
 * requires: the shortest digits that read back as the same double, plain notation for exponents -6..20, otherwise
 * {@code d.ddde+n}. NaN and the infinities have no JSON form and are refused.
 */
final class CanonicalNumber {

    private CanonicalNumber() {
    }

    static String of(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("JSON has no form for " + value);
        }
        if (value == 0) {
            return "0";
        }
        if (value == Math.rint(value) && Math.abs(value) < 0x1p53) {
            return Long.toString((long) value); // an integer below 2^53: its digits are its shortest form
        }
        var shortest = shortest(Math.abs(value));
        var digits = shortest.unscaledValue().toString();
        int exponent = digits.length() - shortest.scale(); // value = 0.digits * 10^exponent
        return (value < 0 ? "-" : "") + layout(digits, exponent);
    }

    private static BigDecimal shortest(double value) {
        var exact = new BigDecimal(value);
        for (int precision = 1; precision <= 17; precision++) {
            BigDecimal best = null;
            for (var mode : new RoundingMode[] {RoundingMode.HALF_EVEN, RoundingMode.FLOOR, RoundingMode.CEILING}) {
                var candidate = exact.round(new MathContext(precision, mode));
                if (candidate.doubleValue() == value && closer(candidate, best, exact)) {
                    best = candidate;
                }
            }
            if (best != null) {
                return best.stripTrailingZeros();
            }
        }
        throw new IllegalStateException("no 17-digit form of " + value);
    }

    private static boolean closer(BigDecimal candidate, BigDecimal best, BigDecimal exact) {
        return best == null
                || candidate.subtract(exact).abs().compareTo(best.subtract(exact).abs()) < 0;
    }

    private static String layout(String digits, int exponent) {
        int count = digits.length();
        if (count <= exponent && exponent <= 21) {
            return digits + "0".repeat(exponent - count);
        }
        if (0 < exponent && exponent <= 21) {
            return digits.substring(0, exponent) + "." + digits.substring(exponent);
        }
        if (-6 < exponent && exponent <= 0) {
            return "0." + "0".repeat(-exponent) + digits;
        }
        int e = exponent - 1;
        var mantissa = count == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return mantissa + "e" + (e < 0 ? "-" : "+") + Math.abs(e);
    }
}
