package io.auditgate.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Server-sent events as they arrive on a response body, one at a time (the gateway's: one {@code event:} and one
 * {@code data:} line each; comment lines, its heartbeats, are skipped). For a client that must know what arrived
 * before the connection broke.
 */
final class SseReader {

    record Event(String name, String data) {
    }

    private final BufferedReader lines;

    SseReader(InputStream body) {
        this.lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
    }

    /** The next whole event, or null at the end of the body; IOException when the connection breaks. */
    Event next() throws IOException {
        String name = null;
        String data = null;
        for (var line = lines.readLine(); line != null; line = lines.readLine()) {
            if (line.isEmpty() && name != null) {
                return new Event(name, data == null ? "{}" : data);
            } else if (line.startsWith("event: ")) {
                name = line.substring(7);
            } else if (line.startsWith("data: ")) {
                data = line.substring(6);
            }
        }
        return null;
    }
}
