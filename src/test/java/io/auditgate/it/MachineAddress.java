package io.auditgate.it;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.util.Optional;

/** This machine's own non-loopback address, to show that a gateway listens on loopback only. */
final class MachineAddress {

    private MachineAddress() {
    }

    /**
     * An IPv4 address of an interface that is up and not loopback, if the machine has one (IPv4 because Payara
     * listens on IPv4 only: {@code java.net.preferIPv4Stack}).
     */
    static Optional<InetAddress> outsideLoopback() {
        try {
            return NetworkInterface.networkInterfaces().filter(MachineAddress::isUpAndNotLoopback)
                    .flatMap(NetworkInterface::inetAddresses)
                    .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress()
                            && !address.isLinkLocalAddress())
                    .findFirst();
        } catch (SocketException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Asserts that nothing accepts a connection on {@code port} at {@code address}. */
    static void assertRefuses(InetAddress address, int port) {
        assertThatThrownBy(() -> {
            try (var socket = new Socket()) {
                socket.connect(new InetSocketAddress(address, port), 2_000);
            }
        }).as("port %d on %s", port, address).isInstanceOf(ConnectException.class);
    }

    private static boolean isUpAndNotLoopback(NetworkInterface network) {
        try {
            return network.isUp() && !network.isLoopback();
        } catch (SocketException e) {
            return false;
        }
    }
}
