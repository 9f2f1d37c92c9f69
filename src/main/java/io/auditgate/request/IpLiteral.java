package io.auditgate.request;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * IP address literals, parsed without ever asking DNS: a dotted IPv4 address, or an IPv6 address (which the JDK
 * parses as a literal because it holds a colon). Anything else, a host name included, is not an address here.
 */
final class IpLiteral {

    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private IpLiteral() {
    }

    static Optional<InetAddress> parse(String text) {
        if (text == null || !(IPV4.matcher(text).matches() || (text.indexOf(':') >= 0 && IPV6.matcher(text).matches()))) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(text));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
