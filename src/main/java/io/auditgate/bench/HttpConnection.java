package io.auditgate.bench;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One keep-alive HTTP/1.1 connection that sends a prepared request and reads the whole response (fixed length or
 * chunked), returning the status; a streamed 2xx body can be handed to a {@link BodySink} piece by piece as it
 * arrives. Minimal on purpose: the generator must cost far less CPU than what it measures, and thousands of these
 * live at once (hence the small buffer). Any protocol surprise is an {@link IOException}, counted by the caller as a
 * socket error.
 */
final class HttpConnection implements AutoCloseable {

    private static final int BUFFER = 8 * 1024;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final StringBuilder line = new StringBuilder(128);
    private final byte[] piece = new byte[BUFFER];
    private boolean closeAfter;

    HttpConnection(InetSocketAddress address) throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(address, 2_000);
        socket.setSoTimeout(30_000);
        in = new BufferedInputStream(socket.getInputStream(), BUFFER);
        out = socket.getOutputStream();
    }

    /** Sends {@code request} and returns the response status once the body has been read. */
    int exchange(byte[] request) throws IOException {
        return exchange(request, null);
    }

    /**
     * Sends {@code request}, hands a 2xx body to {@code sink} as it arrives (other bodies are skipped) and returns the
     * status once the body has ended; {@code sink} null skips every body.
     */
    int exchange(byte[] request, BodySink sink) throws IOException {
        out.write(request);
        out.flush();
        String status = readLine();
        if (!status.startsWith("HTTP/1.") || status.length() < 12) {
            throw new IOException("not an HTTP/1.x status line");
        }
        int code = Integer.parseInt(status.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        closeAfter = status.startsWith("HTTP/1.0");
        for (String header = readLine(); !header.isEmpty(); header = readLine()) {
            int colon = header.indexOf(':');
            String name = header.substring(0, Math.max(colon, 0)).trim();
            String value = header.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("content-length")) {
                length = Long.parseLong(value);
            } else if (name.equalsIgnoreCase("transfer-encoding")) {
                chunked = value.equalsIgnoreCase("chunked");
            } else if (name.equalsIgnoreCase("connection")) {
                closeAfter = value.equalsIgnoreCase("close");
            }
        }
        BodySink body = code / 100 == 2 ? sink : null;
        if (chunked) {
            readChunks(body);
        } else if (length >= 0) {
            read(length, body);
        } else {
            throw new IOException("response without length");
        }
        return code;
    }

    /** Whether the server asked to close the connection after the last response. */
    boolean closing() {
        return closeAfter;
    }

    private void readChunks(BodySink sink) throws IOException {
        while (true) {
            String size = readLine();
            int extension = size.indexOf(';');
            long length = Long.parseLong(extension < 0 ? size.trim() : size.substring(0, extension).trim(), 16);
            if (length == 0) {
                while (!readLine().isEmpty()) {
                    // trailers
                }
                return;
            }
            read(length, sink);
            readLine();
        }
    }

    private void read(long bytes, BodySink sink) throws IOException {
        if (sink == null) {
            skip(bytes);
            return;
        }
        long left = bytes;
        while (left > 0) {
            // returns what has arrived (at least one byte), so the sink sees each event when the server flushed it
            int read = in.read(piece, 0, (int) Math.min(left, piece.length));
            if (read < 0) {
                throw new EOFException("connection closed inside a response body");
            }
            sink.accept(piece, 0, read);
            left -= read;
        }
    }

    private void skip(long bytes) throws IOException {
        long left = bytes;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new EOFException("connection closed inside a response body");
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }

    private String readLine() throws IOException {
        line.setLength(0);
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("connection closed inside a response head");
            }
            if (b == '\n') {
                int end = line.length();
                if (end > 0 && line.charAt(end - 1) == '\r') {
                    line.setLength(end - 1);
                }
                return line.toString();
            }
            line.append((char) b);
        }
    }

    static byte[] request(String method, String host, int port, String path, Iterable<String> headers, String body) {
        var head = new StringBuilder().append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: ").append(host).append(':').append(port).append("\r\n")
                .append("Content-Type: application/json\r\n");
        headers.forEach(header -> head.append(header).append("\r\n"));
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        head.append("Content-Length: ").append(content.length).append("\r\n\r\n");
        byte[] start = head.toString().getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[start.length + content.length];
        System.arraycopy(start, 0, request, 0, start.length);
        System.arraycopy(content, 0, request, start.length, content.length);
        return request;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a broken connection: nothing left to do
        }
    }
}
