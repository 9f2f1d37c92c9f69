package io.auditgate.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class StreamRunTest {

    /** Streams start, three deltas 20 ms apart and (when {@code end}) the end event, each flushed as written. */
    private static LocalServer streamingServer(boolean end) {
        return new LocalServer(exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            var out = exchange.getResponseBody();
            write(out, "event: start\ndata: {\"request_id\":\"r\"}\n\n");
            for (int i = 0; i < 3; i++) {
                Thread.sleep(20);
                write(out, "event: delta\ndata: {\"text\":\"word \"}\n\n");
            }
            if (end) {
                write(out, "event: end\ndata: {\"stop_reason\":\"end_turn\"}\n\n");
            }
        });
    }

    private static void write(java.io.OutputStream out, String event) throws IOException {
        out.write(event.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Test
    void completeStreamsAreTimedFromSendToFirstDeltaAndBetweenDeltas() {
        try (var server = streamingServer(true)) {
            var run = new StreamRun(server.address(), server.post("{\"stream\":true}"), StreamFormat.SSE_INVOKE);
            var result = run.run(3, Duration.ofMillis(200), Duration.ofMillis(500));
            assertThat(result.errors()).isZero();
            assertThat(result.ok()).isGreaterThanOrEqualTo(3).isEqualTo(result.streams());
            assertThat(result.warmupStreams()).isPositive();
            assertThat(result.firstToken().getValueAtPercentile(50)).isGreaterThanOrEqualTo(15_000);
            assertThat(result.largestGap().getMaxValue()).isGreaterThanOrEqualTo(15_000);
            assertThat(result.duration().getValueAtPercentile(50)).isGreaterThanOrEqualTo(55_000);
        }
    }

    @Test
    void aStreamThatEndsWithoutItsEndEventIsIncomplete() {
        try (var server = streamingServer(false)) {
            var run = new StreamRun(server.address(), server.post("{\"stream\":true}"), StreamFormat.SSE_INVOKE);
            var result = run.run(2, Duration.ZERO, Duration.ofMillis(300));
            assertThat(result.ok()).isZero();
            assertThat(result.incomplete()).isEqualTo(result.streams()).isPositive();
        }
    }

    @Test
    void aRefusedStreamIsNon2xx() {
        try (var server = new LocalServer(exchange -> exchange.sendResponseHeaders(503, -1))) {
            var run = new StreamRun(server.address(), server.post("{}"), StreamFormat.SSE_INVOKE);
            var result = run.run(1, Duration.ZERO, Duration.ofMillis(100));
            assertThat(result.non2xx()).isEqualTo(result.streams()).isPositive();
            assertThat(result.ok()).isZero();
        }
    }
}
