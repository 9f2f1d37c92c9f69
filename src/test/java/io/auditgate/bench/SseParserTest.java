package io.auditgate.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseParserTest {

    private static final String STREAM = ": heartbeat\n\nevent: start\ndata: {\"request_id\":\"r\"}\n\n"
            + "event: delta\r\ndata: {\"text\":\"Grüße \"}\r\n\r\n"
            + "data: first\ndata:second\n\n"
            + "event: end\ndata: {}\n\n";

    @Test
    void dispatchesTheSameEventsWhereverTheBodyIsCut() {
        byte[] bytes = STREAM.getBytes(StandardCharsets.UTF_8);
        var whole = events(bytes, bytes.length);
        assertThat(whole).containsExactly("start={\"request_id\":\"r\"}", "delta={\"text\":\"Grüße \"}",
                "message=first\nsecond", "end={}");
        for (int cut = 1; cut < bytes.length; cut++) {
            assertThat(events(bytes, cut)).as("cut at %d", cut).isEqualTo(whole);
        }
    }

    @Test
    void dispatchesOneByteAtATime() {
        byte[] bytes = STREAM.getBytes(StandardCharsets.UTF_8);
        var events = new ArrayList<String>();
        var parser = new SseParser((name, data) -> events.add(name + "=" + data));
        for (byte b : bytes) {
            parser.accept(new byte[] {b}, 0, 1);
        }
        assertThat(events).hasSize(4).contains("delta={\"text\":\"Grüße \"}");
    }

    @Test
    void holdsAnEventUntilItsBlankLine() {
        var events = new ArrayList<String>();
        var parser = new SseParser((name, data) -> events.add(name));
        byte[] bytes = "event: delta\ndata: {\"text\":\"a\"}\n".getBytes(StandardCharsets.US_ASCII);
        parser.accept(bytes, 0, bytes.length);
        assertThat(events).isEmpty();
        parser.accept(new byte[] {'\n'}, 0, 1);
        assertThat(events).containsExactly("delta");
    }

    /** The body fed in two pieces, cut after {@code cut} bytes (and at an offset inside a larger array). */
    private static List<String> events(byte[] bytes, int cut) {
        var events = new ArrayList<String>();
        var parser = new SseParser((name, data) -> events.add(name + "=" + data));
        byte[] padded = new byte[bytes.length + 3];
        System.arraycopy(bytes, 0, padded, 3, bytes.length);
        parser.accept(padded, 3, cut);
        parser.accept(padded, 3 + cut, bytes.length - cut);
        return events;
    }
}
