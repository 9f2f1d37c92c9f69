package io.auditgate.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Raw HTTP for what a generated client cannot send (malformed bodies, wrong media types, odd methods). */
final class Http {

    /**
     * HTTP/1.1, as API Gateway and the ALB speak to the gateway: Java's default would offer an h2c upgrade, and
     * Grizzly's upgrade path once deadlocked two request threads in a test (docs/architecture.md, known limits).
     */
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private Http() {
    }

    static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return CLIENT.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** POSTs JSON as tenant acme (see {@link ItTenants}). */
    static HttpResponse<String> postJson(URI uri, String json) {
        return postJson(uri, json, ItTenants.ACME);
    }

    static HttpResponse<String> postJson(URI uri, String json, String apiKey) {
        return send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json").header("x-api-key", apiKey)
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /**
     * Whether the gateway answers {@code /health/live} with 200 within 2 s: Payara reports "ready" before the
     * post-boot command that rebinds its listener to 127.0.0.1 has taken effect, so a test waits for this.
     */
    static boolean isLive(URI base) {
        try {
            return CLIENT.send(HttpRequest.newBuilder(base.resolve("/health/live")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false; // not listening yet
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static HttpResponse<String> get(URI uri) {
        return send(HttpRequest.newBuilder(uri).GET());
    }

    /**
     * What a raw exchange on one connection showed: the status line as sent, the headers (names lower-cased), the
     * body, and whether the server kept the connection open afterwards.
     */
    record Raw(String statusLine, java.util.Map<String, String> headers, String body, boolean open) {

        int status() {
            return Integer.parseInt(statusLine.split(" ")[1]);
        }

        String reason() {
            return statusLine.split(" ", 3)[2];
        }

        java.util.Optional<String> header(String name) {
            return java.util.Optional.ofNullable(headers.get(name.toLowerCase(java.util.Locale.ROOT)));
        }
    }

    /**
     * Sends {@code request} as bytes on a fresh loopback socket, reads one response (by its Content-Length), then
     * checks whether the server closes the connection within half a second. For what no HTTP client will send.
     */
    static Raw raw(URI base, byte[] request) {
        try (var socket = new java.net.Socket("127.0.0.1", base.getPort())) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(request);
            socket.getOutputStream().flush();
            return readResponse(socket);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * POSTs {@code json} to {@code /invoke} with {@code headers} from the loopback address {@code from} (any of
     * 127.0.0.0/8 reaches the gateway bound to 127.0.0.1), so a test can be a trusted proxy or not by its address.
     */
    static Raw postFrom(String from, URI base, String json, java.util.Map<String, String> headers) {
        var body = json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        var head = new StringBuilder("POST /invoke HTTP/1.1\r\nHost: 127.0.0.1:" + base.getPort()
                + "\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: " + body.length + "\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("\r\n");
        try (var socket = new java.net.Socket(java.net.InetAddress.getByName("127.0.0.1"), base.getPort(),
                java.net.InetAddress.getByName(from), 0)) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(head.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().write(body);
            socket.getOutputStream().flush();
            return readResponse(socket);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Raw readResponse(java.net.Socket socket) throws IOException {
        var in = new java.io.DataInputStream(new java.io.BufferedInputStream(socket.getInputStream()));
        var statusLine = line(in);
        var headers = new java.util.LinkedHashMap<String, String>();
        for (String header; !(header = line(in)).isEmpty(); ) {
            var colon = header.indexOf(':');
            headers.put(header.substring(0, colon).trim().toLowerCase(java.util.Locale.ROOT), header.substring(colon + 1).trim());
        }
        var body = new byte[Integer.parseInt(headers.getOrDefault("content-length", "0"))];
        in.readFully(body);
        socket.setSoTimeout(500);
        boolean open;
        try {
            open = in.read() != -1;
        } catch (java.net.SocketTimeoutException e) {
            open = true;
        } catch (IOException e) {
            open = false;
        }
        return new Raw(statusLine, headers, new String(body, java.nio.charset.StandardCharsets.UTF_8), open);
    }

    private static String line(java.io.DataInputStream in) throws IOException {
        var line = new java.io.ByteArrayOutputStream();
        for (int b; (b = in.read()) != '\n'; ) {
            if (b == -1) {
                throw new java.io.EOFException("connection closed after " + line);
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
