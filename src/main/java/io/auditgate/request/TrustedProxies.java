package io.auditgate.request;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;

/**
 * The addresses whose forwarding headers the gateway believes ({@code gateway.trusted-proxies}: IP addresses and
 * CIDR blocks, IPv4 or IPv6). Anyone can send an {@code X-AuditGate-Client-Ip}; only a proxy in front of the
 * gateway (the load balancer, in the deployment the network that only API Gateway's VPC link reaches) may have it
 * believed. Empty trusts no one. A malformed entry fails at start-up, not at the first request.
 */
public final class TrustedProxies {

    private record Block(byte[] network, int bits) {

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int whole = bits / 8;
            if (!Arrays.equals(address, 0, whole, network, 0, whole)) {
                return false;
            }
            int rest = bits % 8;
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return rest == 0 || (address[whole] & mask) == (network[whole] & mask);
        }
    }

    public static final TrustedProxies NONE = new TrustedProxies(List.of());

    private final List<Block> blocks;

    private TrustedProxies(List<Block> blocks) {
        this.blocks = List.copyOf(blocks);
    }

    /** From entries such as {@code 10.0.0.0/16}, {@code 127.0.0.1}, {@code ::1}; IllegalArgumentException if malformed. */
    public static TrustedProxies of(List<String> entries) {
        return new TrustedProxies(entries.stream().map(String::strip).filter(e -> !e.isEmpty())
                .map(TrustedProxies::block).toList());
    }

    /** Is the TCP peer {@code address} (as the container reports it) a trusted proxy? */
    public boolean trusts(String address) {
        return !blocks.isEmpty() && IpLiteral.parse(address).map(InetAddress::getAddress)
                .map(bytes -> blocks.stream().anyMatch(b -> b.contains(bytes))).orElse(false);
    }

    public boolean isEmpty() {
        return blocks.isEmpty();
    }

    private static Block block(String entry) {
        int slash = entry.indexOf('/');
        var address = IpLiteral.parse(slash < 0 ? entry : entry.substring(0, slash)).orElseThrow(
                () -> new IllegalArgumentException("gateway.trusted-proxies: not an IP address or CIDR block: " + entry));
        var bytes = address.getAddress();
        int bits = bytes.length * 8;
        if (slash >= 0) {
            var suffix = entry.substring(slash + 1);
            if (!suffix.matches("\\d{1,3}") || Integer.parseInt(suffix) > bits) {
                throw new IllegalArgumentException("gateway.trusted-proxies: bad prefix length in " + entry);
            }
            bits = Integer.parseInt(suffix);
        }
        return new Block(bytes, bits);
    }
}
