package io.auditgate.simulator;

import com.sun.net.httpserver.HttpExchange;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.eventstream.HeaderValue;
import software.amazon.eventstream.Message;

/**
 * A 200 response in {@code application/vnd.amazon.eventstream} framing, sent with chunked transfer so that each
 * event reaches the client when it is written. Framing and checksums are the eventstream codec's.
 */
final class EventStream implements AutoCloseable {

    static final String CONTENT_TYPE = "application/vnd.amazon.eventstream";
    private static final HeaderValue EVENT = HeaderValue.fromString("event");
    private static final HeaderValue EXCEPTION = HeaderValue.fromString("exception");
    private static final HeaderValue JSON = HeaderValue.fromString(Replies.JSON);

    private final HttpExchange exchange;
    private final OutputStream out;
    private boolean dropped;

    private EventStream(HttpExchange exchange) {
        this.exchange = exchange;
        this.out = exchange.getResponseBody();
    }

    static EventStream open(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
        exchange.sendResponseHeaders(200, 0);
        return new EventStream(exchange);
    }

    void event(String eventType, JsonObject payload) throws IOException {
        var headers = new LinkedHashMap<String, HeaderValue>(4);
        headers.put(":message-type", EVENT);
        headers.put(":event-type", HeaderValue.fromString(eventType));
        headers.put(":content-type", JSON);
        write(headers, payload);
    }

    /** A modeled error inside the stream; the client surfaces it as the exception class of that member. */
    void exception(String exceptionType, JsonObject payload) throws IOException {
        var headers = new LinkedHashMap<String, HeaderValue>(4);
        headers.put(":message-type", EXCEPTION);
        headers.put(":exception-type", HeaderValue.fromString(exceptionType));
        headers.put(":content-type", JSON);
        write(headers, payload);
    }

    /** Between two deltas: with a delay, push what was written and wait; without one, keep batching. */
    void pause(long delayMs) throws IOException {
        if (delayMs > 0) {
            out.flush();
            Pauses.sleep(delayMs);
        }
    }

    /** Pushes what was written, then drops the connection with no closing chunk; never returns normally. */
    DroppedConnection drop() throws IOException {
        out.flush();
        dropped = true;
        throw new DroppedConnection();
    }

    @Override
    public void close() throws IOException {
        if (dropped) {
            return;
        }
        try {
            out.close();
        } finally {
            exchange.close();
        }
    }

    private void write(Map<String, HeaderValue> headers, JsonObject payload) throws IOException {
        var buffer = new Message(headers, Json.bytes(payload)).toByteBuffer();
        byte[] frame = new byte[buffer.remaining()];
        buffer.get(frame);
        out.write(frame);
    }
}
