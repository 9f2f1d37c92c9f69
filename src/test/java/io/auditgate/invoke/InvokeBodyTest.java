package io.auditgate.invoke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.auditgate.problem.GatewayException;
import io.auditgate.problem.ProblemType;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class InvokeBodyTest {

    private final InvokeBody body = new InvokeBody();

    InvokeBodyTest() {
        body.maxBodyBytes = 64;
        body.maxDrainBytes = 1024;
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
    void refusesInvalidUtf8MalformedJsonDuplicateKeysAndNonObjects() {
        assertThat(refusal("application/json", new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, '"', '}'}))
                .isEqualTo(ProblemType.INVALID_JSON);
        assertThat(refusal("application/json", "{\"prompt\":".getBytes(StandardCharsets.UTF_8))).isEqualTo(ProblemType.INVALID_JSON);
        assertThat(refusal("application/json", "{\"a\":1,\"a\":2}".getBytes(StandardCharsets.UTF_8))).isEqualTo(ProblemType.INVALID_JSON);
        assertThat(refusal("application/json", "[1]".getBytes(StandardCharsets.UTF_8))).isEqualTo(ProblemType.INVALID_JSON);
        assertThat(refusal("application/json", "{} {}".getBytes(StandardCharsets.UTF_8))).isEqualTo(ProblemType.INVALID_JSON);
    }
}
