package io.auditgate.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.auditgate.problem.GatewayException;
import io.auditgate.problem.ProblemType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class JsonBodyTest {

    private final JsonBody body = new JsonBody();

    JsonBodyTest() {
        body.maxBodyBytes = 64;
        body.maxDrainBytes = 1024;
        body.bodyReadTimeout = Duration.ofSeconds(10);
    }

    private ProblemType refusal(String contentType, byte[] bytes) {
        return catchThrowableOfType(GatewayException.class,
                () -> body.read(contentType, null, new ByteArrayInputStream(bytes))).problem();
    }

    @Test
    void acceptsJsonWithAUtf8CharsetAndAByteOrderMark() {
        var bytes = ("\uFEFF{\"prompt\":\"héllo\"}").getBytes(StandardCharsets.UTF_8);

        assertThat(body.read("application/json; charset=UTF-8", null, new ByteArrayInputStream(bytes)).getString("prompt"))
                .isEqualTo("héllo");
    }

    @Test
    void refusesOtherMediaTypesAndCharsets() {
        var ok = "{}".getBytes(StandardCharsets.UTF_8);

        assertThat(refusal(null, ok)).isEqualTo(ProblemType.UNSUPPORTED_MEDIA_TYPE);
        assertThat(refusal("text/plain", ok)).isEqualTo(ProblemType.UNSUPPORTED_MEDIA_TYPE);
        assertThat(refusal("application/json; charset=latin1", ok)).isEqualTo(ProblemType.UNSUPPORTED_MEDIA_TYPE);
        assertThat(refusal("no/such/type;;", ok)).isEqualTo(ProblemType.UNSUPPORTED_MEDIA_TYPE);
        assertThat(refusal("application/jsonx", ok)).isEqualTo(ProblemType.UNSUPPORTED_MEDIA_TYPE);
    }

    @Test
    void stopsAtTheCapAndDiscardsOnlyABoundedRest() {
        var endless = new InputStream() {
            long served;

            @Override
            public int read() {
                served++;
                return 'a';
            }
        };

        var e = catchThrowableOfType(GatewayException.class, () -> body.read("application/json", null, endless));

        assertThat(e.problem()).isEqualTo(ProblemType.PAYLOAD_TOO_LARGE);
        assertThat(endless.served).isLessThan(65 + 1024 + 64 * 1024 + 1);
    }

    @Test
    void refusesADeclaredLengthOverTheCapBeforeReading() {
        var e = catchThrowableOfType(GatewayException.class,
                () -> body.read("application/json", "1000000", InputStream.nullInputStream()));

        assertThat(e.problem()).isEqualTo(ProblemType.PAYLOAD_TOO_LARGE);
    }

    @Test
    void anEndpointsOwnCapAppliesInsteadOfTheDefault() {
        var json = ("{\"prompt\":\"" + "a".repeat(100) + "\"}").getBytes(StandardCharsets.UTF_8);

        assertThat(body.read("application/json", null, new ByteArrayInputStream(json), 200).getString("prompt"))
                .hasSize(100);
        assertThat(catchThrowableOfType(GatewayException.class, () -> body.read("application/json", null,
                new ByteArrayInputStream(json), 100)).getMessage()).contains("limit of 100 bytes");
    }

    @Test
    void refusesInvalidUtf8MalformedJsonDuplicateKeysAndNonObjects() {
        assertThat(refusal("application/json", new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, '"', '}'}))
                .isEqualTo(ProblemType.INVALID_JSON);
        assertThat(refusal("application/json", "{\"prompt\":".getBytes(StandardCharsets.UTF_8))).isEqualTo(ProblemType.INVALID_JSON);
        assertThat(refusal("application/json", "{\"a\":1,\"a\":2}".getBytes(StandardCharsets.UTF_8))).isEqualTo(ProblemType.INVALID_JSON);
        assertThat(refusal("application/json", "[1]".getBytes(StandardCharsets.UTF_8))).isEqualTo(ProblemType.INVALID_JSON);
        assertThat(refusal("application/json", "{} {}".getBytes(StandardCharsets.UTF_8))).isEqualTo(ProblemType.INVALID_JSON);
    }

    @Test
    void aBodyStillArrivingAfterTheDeadlineIsARequestTimeout() {
        body.maxBodyBytes = 1_000_000;
        body.bodyReadTimeout = Duration.ofSeconds(10);
        var clock = new AtomicLong();
        body.nanoTime = clock::get;
        var trickle = new InputStream() {
            int served;

            @Override
            public int read() {
                return read(new byte[1], 0, 1) < 0 ? -1 : 'a';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                clock.addAndGet(Duration.ofSeconds(1).toNanos()); // one byte a second
                b[off] = ' ';
                return ++served > 100 ? -1 : 1;
            }
        };

        var e = catchThrowableOfType(GatewayException.class, () -> body.read("application/json", null, trickle));

        assertThat(e.problem()).isEqualTo(ProblemType.REQUEST_TIMEOUT);
        assertThat(trickle.served).isBetween(10, 12);
    }

    @Test
    void aReadThatTimesOutInTheContainerIsARequestTimeoutToo() {
        var stalled = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException(new TimeoutException());
            }
        };

        var e = catchThrowableOfType(GatewayException.class, () -> body.read("application/json", null, stalled));

        assertThat(e.problem()).isEqualTo(ProblemType.REQUEST_TIMEOUT);
    }

    @Test
    void aBrokenReadThatIsNoTimeoutStaysInvalidJson() {
        var broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("Connection reset");
            }
        };

        assertThat(catchThrowableOfType(GatewayException.class, () -> body.read("application/json", null, broken)).problem())
                .isEqualTo(ProblemType.INVALID_JSON);
    }
}
