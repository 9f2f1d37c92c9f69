package io.auditgate.bench;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import software.amazon.eventstream.HeaderValue;
import software.amazon.eventstream.Message;

/**
 * Bedrock ConverseStream's binary {@code application/vnd.amazon.eventstream} body read incrementally: bytes are kept
 * until a whole frame (its length is the prelude's first four bytes) has arrived, which the eventstream codec then
 * decodes and checks ({@link Message#decode}). A {@code contentBlockDelta} event carrying text is a delta,
 * {@code messageStop} or {@code metadata} the end, and an {@code exception} or {@code error} message an error. Not
 * the codec's {@code MessageDecoder}: it allocates a 2 MB buffer per instance, 4 GB for 2,000 concurrent streams.
 */
final class EventStreamParser implements BodySink {

    private final StreamEvents events;
    private byte[] pending = new byte[1024];
    private int length;

    EventStreamParser(StreamEvents events) {
        this.events = events;
    }

    @Override
    public void accept(byte[] bytes, int offset, int count) {
        if (length + count > pending.length) {
            pending = Arrays.copyOf(pending, Math.max(pending.length * 2, length + count));
        }
        System.arraycopy(bytes, offset, pending, length, count);
        length += count;
        int start = 0;
        while (length - start >= 4) {
            int frame = ByteBuffer.wrap(pending, start, 4).getInt();
            if (frame < 16 || length - start < frame) {
                break;
            }
            dispatch(Message.decode(ByteBuffer.wrap(pending, start, frame).slice()), events);
            start += frame;
        }
        System.arraycopy(pending, start, pending, 0, length - start);
        length -= start;
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
