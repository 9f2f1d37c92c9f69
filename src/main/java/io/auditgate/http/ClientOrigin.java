package io.auditgate.http;

import io.auditgate.request.Exchange;
import io.auditgate.request.Forwarded;
import io.auditgate.request.TrustedProxies;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Who sent a request: the TCP peer, and behind it the caller a trusted proxy names ({@link Forwarded}). Only peers
 * in {@code gateway.trusted-proxies} (IP addresses or CIDR blocks, comma-separated; unset trusts no one) are
 * believed. Every endpoint builds its client through here, so no endpoint can trust a header the others ignore.
 * A malformed entry stops the application at start-up.
 */
@ApplicationScoped
public class ClientOrigin {

    /** An array, not a List: Payara's config injection cannot convert {@code Optional<List<String>>}. */
    @Inject
    @ConfigProperty(name = "gateway.trusted-proxies")
    Optional<String[]> trusted;

    private TrustedProxies proxies = TrustedProxies.NONE;

    @PostConstruct
    void parse() {
        proxies = TrustedProxies.of(trusted.map(List::of).orElse(List.of()));
    }

    /** Parses the list when the application starts, not at the first request. */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        proxies.isEmpty();
    }

    /** {@code client} (made from the request's own headers) with what a trusted proxy forwarded, or that it was ignored. */
    public Exchange.Client of(HttpServletRequest request, Exchange.Client client) {
        return client.forwarded(Forwarded.of(request.getRemoteAddr(), request.getHeader(Forwarded.CLIENT_IP_HEADER),
                request.getHeader(Forwarded.INGRESS_ID_HEADER), proxies));
    }
}
