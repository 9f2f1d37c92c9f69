package io.auditgate.http;

import io.auditgate.quota.Limit;
import io.auditgate.quota.Standing;
import io.auditgate.request.Exchange;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Optional;

/**
 * {@code RateLimit-Policy} and {@code RateLimit} (IETF httpapi draft-ietf-httpapi-ratelimit-headers-10, structured
 * field lists) on every answer of a metered tenant, answered or refused, streamed or not: one quota policy per limit
 * that counts requests or tokens, e.g. {@code "requests-per-minute";q=20;w=60} and {@code
 * "requests-per-minute";r=7;t=41}. Tokens are an unregistered quota unit ({@code qu="tokens"}); cost budgets are not
 * advertised (their unit is money, not a quota a client can pace itself by).
 */
public final class RateLimitHeaders {

    static final String POLICY = "RateLimit-Policy";
    static final String STATE = "RateLimit";

    private RateLimitHeaders() {
    }

    public static void set(HttpServletResponse response, Exchange exchange) {
        var standing = exchange.allowance().map(a -> a.verdict().standing()).orElse(Standing.NONE);
        var policies = new ArrayList<String>();
        var states = new ArrayList<String>();
        for (var remaining : standing.limits()) {
            name(remaining.limit()).ifPresent(name -> {
                policies.add(policy(name, remaining));
                states.add("\"" + name + "\";r=" + remaining.remaining() + ";t=" + remaining.resetSeconds());
            });
        }
        if (!policies.isEmpty()) {
            response.setHeader(POLICY, String.join(", ", policies));
            response.setHeader(STATE, String.join(", ", states));
        }
    }

    private static String policy(String name, Standing.Remaining remaining) {
        var policy = new StringBuilder("\"").append(name).append("\";q=").append(remaining.quota());
        switch (remaining.limit()) {
            case REQUESTS_PER_MINUTE, KEY_REQUESTS_PER_MINUTE -> policy.append(";w=60");
            case TOKENS_PER_MINUTE, KEY_TOKENS_PER_MINUTE -> policy.append(";w=60;qu=\"tokens\"");
            case TOKENS_PER_DAY -> policy.append(";w=86400;qu=\"tokens\"");
            default -> policy.append(";qu=\"tokens\"");
        }
        return policy.toString();
    }

    /** The policy's name in the headers; empty for limits not advertised. */
    static Optional<String> name(Limit limit) {
        return switch (limit) {
            case REQUESTS_PER_MINUTE -> Optional.of("requests-per-minute");
            case TOKENS_PER_MINUTE -> Optional.of("tokens-per-minute");
            case KEY_REQUESTS_PER_MINUTE -> Optional.of("key-requests-per-minute");
            case KEY_TOKENS_PER_MINUTE -> Optional.of("key-tokens-per-minute");
            case TOKENS_PER_DAY -> Optional.of("tokens-per-day");
            case TOKENS_PER_MONTH -> Optional.of("tokens-per-month");
            default -> Optional.empty();
        };
    }
}
