package io.auditgate.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FixedRateRunTest {

    /** Answers after 100 ms: at 20 requests/s one connection can serve only half of them in time. */
    private static LocalServer slowServer() {
        return new LocalServer(exchange -> {
            Thread.sleep(100);
            exchange.sendResponseHeaders(200, 2);
            exchange.getResponseBody().write("{}".getBytes());
        });
    }

    @Test
    void timeARequestWaitsForAConnectionCountsInItsLatency() {
        try (var server = slowServer(); var run = new FixedRateRun(server.address(), server.post("{}"), 1)) {
            var result = run.run(20, Duration.ofMillis(500));
            assertThat(result.requests()).isEqualTo(10);
            assertThat(result.ok()).isEqualTo(10);
            // the tenth is due at 450 ms and cannot start before the ninth ends at about 900 ms
            assertThat(result.latency().getMaxValue()).isGreaterThan(400_000);
            assertThat(result.connections()).isEqualTo(1);
            // the last went out at about 900 ms, not at 450: the server was offered about 10 requests/s, not 20
            assertThat(result.perSecond()).isLessThan(15);
        }
    }

    @Test
    void connectionsAreOpenedAsTheLoadNeedsThem() {
        try (var server = slowServer(); var run = new FixedRateRun(server.address(), server.post("{}"), 64)) {
            var result = run.run(20, Duration.ofMillis(500));
            assertThat(result.ok()).isEqualTo(10);
            assertThat(result.connections()).isBetween(2, 10);
            assertThat(result.perSecond()).isGreaterThan(15);
        }
    }

    @Test
    void aRefusedConnectionIsASocketError() {
        FixedRateRun.Result result;
        var server = slowServer();
        var address = server.address();
        server.close();
        try (var run = new FixedRateRun(address, new byte[0], 4)) {
            result = run.run(20, Duration.ofMillis(200));
        }
        assertThat(result.socketErrors()).isEqualTo(result.requests()).isEqualTo(4);
        assertThat(result.ok()).isZero();
    }
}
