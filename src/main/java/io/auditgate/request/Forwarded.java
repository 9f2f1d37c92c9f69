package io.auditgate.request;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The real client behind the proxy, as a trusted proxy forwarded it: the caller's source IP and the ingress's own
 * request id (API Gateway's), from {@value #CLIENT_IP_HEADER} and {@value #INGRESS_ID_HEADER}. A peer that is not in
 * {@link TrustedProxies} gets its headers ignored, and the record says so ({@link Trust#IGNORED}), because any client
 * can send them. A forwarded value of the wrong shape (a list, a host name) is kept only as its hash.
 *
 * @param trust      whether the peer was a trusted proxy, or sent forwarding headers it may not
 * @param sourceIp   the caller's address as the proxy saw it (an IP literal, or {@code sha256:<hex>})
 * @param ingressId  the ingress's request id, to join with its access log (a token, or {@code sha256:<hex>})
 */
public record Forwarded(Trust trust, Optional<String> sourceIp, Optional<String> ingressId) {

    public static final String CLIENT_IP_HEADER = "X-AuditGate-Client-Ip";
    public static final String INGRESS_ID_HEADER = "X-AuditGate-Apigw-Request-Id";

    /** No proxy and no forwarding headers: the peer is the client (nothing to record). */
    public static final Forwarded NONE = new Forwarded(Trust.NONE, Optional.empty(), Optional.empty());

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._:=+/-]{1,128}");

    /** How the forwarding headers were treated; {@code NONE} leaves the record as before. */
    public enum Trust {
        NONE, TRUSTED, IGNORED;

        /** The record's {@code client.forwarded} value. */
        public String text() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Forwarded {
        Objects.requireNonNull(trust, "trust");
        Objects.requireNonNull(sourceIp, "sourceIp");
        Objects.requireNonNull(ingressId, "ingressId");
        if (trust != Trust.TRUSTED && (sourceIp.isPresent() || ingressId.isPresent())) {
            throw new IllegalArgumentException("forwarded values from an untrusted peer");
        }
    }

    /** From the peer's address and the two headers as sent (either may be null). */
    public static Forwarded of(String peer, String clientIp, String ingressId, TrustedProxies proxies) {
        if (!proxies.trusts(peer)) {
            return clientIp == null && ingressId == null ? NONE : new Forwarded(Trust.IGNORED, Optional.empty(),
                    Optional.empty());
        }
        return new Forwarded(Trust.TRUSTED,
                Optional.ofNullable(clientIp).map(ip -> IpLiteral.parse(ip).isPresent() ? ip : ClientText.hashed(ip).text()),
                Optional.ofNullable(ingressId).map(id -> ClientText.identifier(id, TOKEN).text()));
    }
}
