package io.auditgate.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import org.junit.jupiter.api.Test;
import software.amazon.eventstream.HeaderValue;
import software.amazon.eventstream.Message;

class StreamFormatTest {

    /** Counts what a parser reports. */
    private static final class Counts implements StreamEvents {
        int deltas;
        int ends;
        int errors;

        @Override
        public void delta() {
            deltas++;
        }

        @Override
        public void end() {
            ends++;
        }

        @Override
        public void error() {
            errors++;
        }

        String summary() {
            return deltas + " deltas, " + ends + " ends, " + errors + " errors";
        }
    }

    @Test
    void invokeEventsCountTextDeltasAndTheEnd() {
        String body = "event: start\ndata: {\"request_id\":\"r\",\"model_id\":\"m\"}\n\n: heartbeat\n\n"
                + "event: delta\ndata: {\"text\":\"Hello \"}\n\nevent: delta\ndata: {\"text\":\"\"}\n\n"
                + "event: delta\ndata: {\"text\":\"world\"}\n\nevent: end\ndata: {\"stop_reason\":\"end_turn\"}\n\n";
        assertEverySplit(StreamFormat.SSE_INVOKE, bytes(body), "2 deltas, 1 ends, 0 errors");
    }

    @Test
    void invokeErrorEventIsAnError() {
        String body = "event: start\ndata: {}\n\nevent: delta\ndata: {\"text\":\"Hi\"}\n\n"
                + "event: error\ndata: {\"type\":\"https://auditgate.io/problems/upstream-error\",\"status\":502}\n\n";
        assertEverySplit(StreamFormat.SSE_INVOKE, bytes(body), "1 deltas, 0 ends, 1 errors");
    }

    @Test
    void openAiChunksCountContentAndEndAtDone() {
        String chunk = "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\"%s}}]}\n\n";
        String body = chunk.formatted("") + chunk.formatted(",\"content\":\"\"") + chunk.formatted(",\"content\":\"Hel\"")
                + chunk.formatted(",\"content\":\"\\\"lo\"") + "data: {\"id\":\"c\",\"choices\":[{\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n"
                + "data: [DONE]\n\n";
        assertEverySplit(StreamFormat.SSE_OPENAI, bytes(body), "2 deltas, 1 ends, 0 errors");
    }

    @Test
    void openAiErrorObjectIsAnError() {
        String body = "data: {\"error\":{\"message\":\"upstream failed\"}}\n\n";
        assertEverySplit(StreamFormat.SSE_OPENAI, bytes(body), "0 deltas, 0 ends, 1 errors");
    }

    @Test
    void converseStreamFramesCountTextDeltasAndEndAtMessageStop() throws Exception {
        var body = new ByteArrayOutputStream();
        event(body, "event", "messageStart", "{\"role\":\"assistant\"}");
        event(body, "event", "contentBlockDelta", "{\"contentBlockIndex\":0,\"delta\":{\"text\":\"Simu\"}}");
        event(body, "event", "contentBlockDelta", "{\"contentBlockIndex\":0,\"delta\":{\"text\":\"lated\"}}");
        event(body, "event", "contentBlockDelta", "{\"contentBlockIndex\":1,\"delta\":{\"toolUse\":{\"input\":\"{}\"}}}");
        event(body, "event", "contentBlockStop", "{\"contentBlockIndex\":0}");
        event(body, "event", "messageStop", "{\"stopReason\":\"end_turn\"}");
        event(body, "event", "metadata", "{\"usage\":{\"inputTokens\":1,\"outputTokens\":2,\"totalTokens\":3}}");
        assertEverySplit(StreamFormat.EVENTSTREAM, body.toByteArray(), "2 deltas, 2 ends, 0 errors");
    }

    @Test
    void converseStreamExceptionIsAnErrorAndADroppedStreamHasNoEnd() throws Exception {
        var body = new ByteArrayOutputStream();
        event(body, "event", "messageStart", "{\"role\":\"assistant\"}");
        event(body, "event", "contentBlockDelta", "{\"contentBlockIndex\":0,\"delta\":{\"text\":\"Simu\"}}");
        assertEverySplit(StreamFormat.EVENTSTREAM, body.toByteArray(), "1 deltas, 0 ends, 0 errors");
        var headers = new LinkedHashMap<String, HeaderValue>();
        headers.put(":message-type", HeaderValue.fromString("exception"));
        headers.put(":exception-type", HeaderValue.fromString("throttlingException"));
        new Message(headers, bytes("{\"message\":\"Too many tokens\"}")).encode(body);
        assertEverySplit(StreamFormat.EVENTSTREAM, body.toByteArray(), "1 deltas, 0 ends, 1 errors");
    }

    @Test
    void formatsAreNamedAsOnTheCommandLine() {
        assertThat(StreamFormat.named("sse-invoke")).isEqualTo(StreamFormat.SSE_INVOKE);
        assertThat(StreamFormat.named("sse-openai")).isEqualTo(StreamFormat.SSE_OPENAI);
        assertThat(StreamFormat.named("eventstream")).isEqualTo(StreamFormat.EVENTSTREAM);
    }

    /** The whole body, then the body cut in two at every position and in three at every pair of positions 7 apart. */
    private static void assertEverySplit(StreamFormat format, byte[] body, String expected) {
        assertThat(feed(format, body, body.length, body.length)).isEqualTo(expected);
        for (int cut = 1; cut < body.length; cut++) {
            assertThat(feed(format, body, cut, body.length)).as("cut at %d", cut).isEqualTo(expected);
            assertThat(feed(format, body, cut, Math.min(body.length, cut + 7))).as("cuts at %d and %d", cut, cut + 7)
                    .isEqualTo(expected);
        }
    }

    private static String feed(StreamFormat format, byte[] body, int first, int second) {
        var counts = new Counts();
        var parser = format.parser(counts);
        parser.accept(body, 0, first);
        parser.accept(body, first, second - first);
        parser.accept(body, second, body.length - second);
        return counts.summary();
    }

    private static void event(ByteArrayOutputStream out, String type, String event, String json) throws Exception {
        var headers = new LinkedHashMap<String, HeaderValue>();
        headers.put(":message-type", HeaderValue.fromString(type));
        headers.put(":event-type", HeaderValue.fromString(event));
        headers.put(":content-type", HeaderValue.fromString("application/json"));
        new Message(headers, bytes(json)).encode(out);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
