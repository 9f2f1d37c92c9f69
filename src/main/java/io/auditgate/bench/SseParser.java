package io.auditgate.bench;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Server-sent events ({@code text/event-stream}) read incrementally: lines are collected across calls (a body piece
 * may end anywhere, even inside a UTF-8 character), {@code event:} and {@code data:} fields are gathered, and each
 * event is dispatched at its blank line as the specification says (several data lines joined by a newline; no data,
 * no event; comments ignored). Lines end with LF or CRLF; {@code id:} and {@code retry:} are ignored.
 */
final class SseParser implements BodySink {

    /** One dispatched event: its name ({@code message} when it had none) and its data. */
    @FunctionalInterface
    interface Listener {
        void event(String name, String data);
    }

    private final Listener listener;
    private byte[] line = new byte[256];
    private int length;
    private String name = "";
    private final StringBuilder data = new StringBuilder();
    private boolean hasData;

    SseParser(Listener listener) {
        this.listener = listener;
    }

    @Override
    public void accept(byte[] bytes, int offset, int count) {
        for (int i = offset; i < offset + count; i++) {
            byte b = bytes[i];
            if (b == '\n') {
                int end = length > 0 && line[length - 1] == '\r' ? length - 1 : length;
                line(new String(line, 0, end, StandardCharsets.UTF_8));
                length = 0;
            } else {
                if (length == line.length) {
                    line = Arrays.copyOf(line, length * 2);
                }
                line[length++] = b;
            }
        }
    }

    private void line(String text) {
        if (text.isEmpty()) {
            dispatch();
            return;
        }
        if (text.startsWith(":")) {
            return; // a comment: heartbeats
        }
        int colon = text.indexOf(':');
        String field = colon < 0 ? text : text.substring(0, colon);
        String value = colon < 0 ? "" : text.substring(text.startsWith(" ", colon + 1) ? colon + 2 : colon + 1);
        if (field.equals("event")) {
            name = value;
        } else if (field.equals("data")) {
            if (hasData) {
                data.append('\n');
            }
            data.append(value);
            hasData = true;
        }
    }

    private void dispatch() {
        if (hasData) {
            listener.event(name.isEmpty() ? "message" : name, data.toString());
        }
        name = "";
        data.setLength(0);
        hasData = false;
    }
}
