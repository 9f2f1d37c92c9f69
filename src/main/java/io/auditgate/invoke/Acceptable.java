package io.auditgate.invoke;

import java.util.Locale;

/**
 * Whether a request's {@code Accept} header allows the JSON the gateway answers with (RFC 9110 §12.5.1): no header,
 * or a media range matching {@code application/json} whose quality is above zero, where the most specific matching
 * range decides (so {@code application/json;q=0} next to the any-type range refuses JSON).
 */
final class Acceptable {

    private Acceptable() {
    }

    static boolean json(String accept) {
        if (accept == null || accept.isBlank()) {
            return true;
        }
        var bestSpecificity = -1;
        var bestQuality = 0.0;
        for (var range : accept.split(",")) {
            var parts = range.split(";");
            var specificity = specificity(parts[0].trim().toLowerCase(Locale.ROOT));
            if (specificity > bestSpecificity) {
                bestSpecificity = specificity;
                bestQuality = quality(parts);
            }
        }
        return bestSpecificity >= 0 && bestQuality > 0;
    }

    /** Whether the header names {@code text/event-stream} with a quality above zero: the client takes a stream. */
    static boolean eventStream(String accept) {
        if (accept == null) {
            return false;
        }
        for (var range : accept.split(",")) {
            var parts = range.split(";");
            if (parts[0].trim().equalsIgnoreCase("text/event-stream") && quality(parts) > 0) {
                return true;
            }
        }
        return false;
    }

    /** 2 for application/json, 1 for any application subtype, 0 for any type, -1 for a range that does not match JSON. */
    private static int specificity(String mediaRange) {
        return switch (mediaRange) {
            case "application/json" -> 2;
            case "application/*" -> 1;
            case "*/*" -> 0;
            default -> -1;
        };
    }

    private static double quality(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            var parameter = parts[i].trim().split("=", 2);
            if (parameter.length == 2 && parameter[0].trim().equalsIgnoreCase("q")) {
                try {
                    var q = Double.parseDouble(parameter[1].trim());
                    return q >= 0 && q <= 1 ? q : 0;
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }
}
