package io.auditgate.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;

/** A JDK HTTP server on a free loopback port for the load generator's tests; one virtual thread per exchange. */
final class LocalServer implements AutoCloseable {

    /** Answers one exchange; the body must be read and the response sent. */
    @FunctionalInterface
    interface Handler {
        void handle(HttpExchange exchange) throws IOException, InterruptedException;
    }

    private final HttpServer server;

    LocalServer(Handler handler) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                handler.handle(exchange);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.start();
    }

    InetSocketAddress address() {
        return server.getAddress();
    }

    byte[] post(String body) {
        return HttpConnection.request("POST", "127.0.0.1", address().getPort(), "/", java.util.List.of(), body);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
