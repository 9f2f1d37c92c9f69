package io.auditgate.bench;

import java.nio.charset.StandardCharsets;
import software.amazon.eventstream.HeaderValue;
import software.amazon.eventstream.Message;
import software.amazon.eventstream.MessageDecoder;

/**
 * Bedrock ConverseStream's binary {@code application/vnd.amazon.eventstream} body read incrementally (frames and
 * checksums by the eventstream codec, which keeps a partial frame until the rest arrives): a
 * {@code contentBlockDelta} event carrying text is a delta, {@code messageStop} or {@code metadata} the end, and an
 * {@code exception} or {@code error} message an error.
 */
final class EventStreamParser implements BodySink {

    private final MessageDecoder decoder;

    EventStreamParser(StreamEvents events) {
        this.decoder = new MessageDecoder(message -> dispatch(message, events));
    }

    @Override
    public void accept(byte[] bytes, int offset, int length) {
        decoder.feed(bytes, offset, length);
    }

    private static void dispatch(Message message, StreamEvents events) {
        if (!"event".equals(header(message, ":message-type"))) {
            events.error();
            return;
        }
        switch (header(message, ":event-type")) {
            case "contentBlockDelta" -> {
                if (carriesText(message.getPayload())) {
                    events.delta();
                }
            }
            case "messageStop", "metadata" -> events.end();
            default -> {
                // messageStart, contentBlockStart, contentBlockStop
            }
        }
    }

    /** A text delta with at least one character: {@code "delta":{"text":"…"}}, not a tool-input fragment. */
    private static boolean carriesText(byte[] payload) {
        String json = new String(payload, StandardCharsets.UTF_8);
        int text = json.indexOf("\"text\":\"");
        return text >= 0 && text + 8 < json.length() && json.charAt(text + 8) != '"';
    }

    private static String header(Message message, String name) {
        HeaderValue value = message.getHeaders().get(name);
        return value == null ? "" : value.getString();
    }
}
