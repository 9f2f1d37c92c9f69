package io.auditgate.http;

import io.auditgate.request.Exchange;
import io.auditgate.request.RequestIds;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The request's ids on every answer, whatever the endpoint: the gateway's own, and a sane client id echoed beside it;
 * and a metered tenant's {@link RateLimitHeaders}.
 */
public final class IdHeaders {

    private IdHeaders() {
    }

    public static void set(HttpServletResponse response, Exchange exchange) {
        response.setHeader(RequestIds.HEADER, exchange.requestId());
        exchange.client().echoedRequestId().ifPresent(id -> response.setHeader(RequestIds.CLIENT_HEADER, id));
        RateLimitHeaders.set(response, exchange);
    }
}
