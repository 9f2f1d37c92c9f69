package io.auditgate.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.Protocol;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ModelStreamErrorException;
import software.amazon.awssdk.services.bedrockruntime.model.StopReason;
import software.amazon.awssdk.services.bedrockruntime.model.ThrottlingException;
import software.amazon.awssdk.services.bedrockruntime.model.ValidationException;

class StreamFaultTest {

    @RegisterExtension
    static final SimulatorFixture simulator = new SimulatorFixture();

    private static ConverseStreamRequest faulted(String question, String... headers) {
        return ConverseStreamRequest.builder().modelId(SdkClients.HAIKU).messages(ConverseTest.user(question))
                .overrideConfiguration(o -> {
                    for (int i = 0; i < headers.length; i += 2) {
                        o.putHeader(headers[i], headers[i + 1]);
                    }
                }).build();
    }

    private static ConverseRequest converse(String question, String... headers) {
        return ConverseRequest.builder().modelId(SdkClients.HAIKU).messages(ConverseTest.user(question))
                .overrideConfiguration(o -> {
                    for (int i = 0; i < headers.length; i += 2) {
                        o.putHeader(headers[i], headers[i + 1]);
                    }
                }).build();
    }

    @Test
    void throttlesMidStreamAfterTheGivenNumberOfDeltas() {
        var seen = StreamRecorder.run(simulator.async(), faulted("How do tides work on the ocean?",
                "x-sim-fault", "stream-throttle", "x-sim-fault-after", "4"));

        assertThatThrownBy(() -> seen.call.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(ThrottlingException.class)
                .cause().hasMessageContaining("Too many tokens");
        assertThat(seen.textDeltas).hasSize(4);
        assertThat(seen.events).doesNotContain("messageStop", "metadata");
    }

    @Test
    void breaksOffWithAModelStreamErrorAfterTheGivenNumberOfDeltas() {
        var seen = StreamRecorder.run(simulator.async(), faulted("How do tides work on the ocean?",
                "x-sim-fault", "stream-error", "x-sim-fault-after", "2"));

        assertThatThrownBy(() -> seen.call.get(10, TimeUnit.SECONDS))
                .hasCauseInstanceOf(ModelStreamErrorException.class);
        assertThat(seen.textDeltas).hasSize(2);
    }

    @Test
    void failsBeforeTheFirstDeltaWhenAskedToAfterNone() {
        var seen = StreamRecorder.run(simulator.async(), faulted("How do tides work?",
                "x-sim-fault", "stream-throttle", "x-sim-fault-after", "0"));

        assertThatThrownBy(() -> seen.call.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(ThrottlingException.class);
        assertThat(seen.events).containsExactly("messageStart");
    }

    /** What issue 16 measured against the service: the SDK ends such a stream quietly, only without its end. */
    @Test
    void dropsTheConnectionMidStreamAndTheSdkEndsQuietlyWithoutClosingEvents() throws Exception {
        var seen = StreamRecorder.run(simulator.async(), faulted("How do tides work on the ocean?",
                "x-sim-fault", "stream-drop", "x-sim-fault-after", "3")).finished();

        assertThat(seen.events).containsExactly("messageStart", "contentBlockDelta", "contentBlockDelta",
                "contentBlockDelta");
    }

    @Test
    void dropsTheSocketWithoutTheFinalChunk() throws Exception {
        byte[] body = "{\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"How do tides work?\"}]}]}"
                .getBytes(StandardCharsets.UTF_8);
        try (var socket = new Socket(simulator.endpoint().getHost(), simulator.endpoint().getPort())) {
            socket.setSoTimeout(5_000);
            String head = "POST /model/" + SdkClients.HAIKU + "/converse-stream HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/bedrock/aws4_request\r\n"
                    + "X-Amz-Date: 20260101T000000Z\r\nx-sim-fault: stream-drop\r\n"
                    + "Content-Length: " + body.length + "\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write(body);

            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);

            assertThat(response).startsWith("HTTP/1.1 200").contains("Transfer-encoding: chunked")
                    .doesNotEndWith("\r\n0\r\n\r\n");
        }
    }

    @Test
    void stallsMidStreamThenFinishes() throws Exception {
        var seen = StreamRecorder.run(simulator.async(), faulted("How do tides work on the ocean?",
                "x-sim-fault", "stream-stall", "x-sim-fault-after", "2", "x-sim-stall-ms", "400")).finished();

        assertThat(seen.deltaNanos.get(2) - seen.deltaNanos.get(1)).isGreaterThanOrEqualTo(350_000_000L);
        assertThat(seen.stopReason).isEqualTo(StopReason.END_TURN);
        assertThat(seen.events).endsWith("contentBlockStop", "messageStop", "metadata");
    }

    @Test
    void takesStreamFaultsFromAdminRules() throws Exception {
        assertThat(SdkClients.admin(simulator.endpoint(), "POST", "/_sim/faults",
                "{\"fault\":\"stream-throttle\",\"afterDeltas\":1,\"promptContains\":\"admin stream\"}").statusCode())
                .isEqualTo(204);

        var seen = StreamRecorder.run(simulator.async(), faulted("an admin stream question please"));

        assertThatThrownBy(() -> seen.call.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(ThrottlingException.class);
        assertThat(seen.textDeltas).hasSize(1);
    }

    /** Issue 16's other measurement: SDK retries replay a stream that broke with a throttling event. */
    @Test
    void aRetryingSdkReplaysAStreamThatWasThrottledMidway() throws Exception {
        try (var retrying = BedrockRuntimeAsyncClient.builder().endpointOverride(simulator.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKID", "secret")))
                .httpClientBuilder(NettyNioAsyncHttpClient.builder().protocol(Protocol.HTTP1_1))
                .overrideConfiguration(o -> o.retryStrategy(r -> r.maxAttempts(3)
                        .backoffStrategy(BackoffStrategy.retryImmediately())
                        .throttlingBackoffStrategy(BackoffStrategy.retryImmediately())))
                .build()) {
            var seen = StreamRecorder.run(retrying, faulted("How do tides work on the ocean?",
                    "x-sim-fault", "stream-throttle", "x-sim-fault-after", "2"));

            assertThatThrownBy(() -> seen.call.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(ThrottlingException.class);
            assertThat(seen.events).filteredOn("messageStart"::equals).hasSize(3);
            assertThat(seen.textDeltas).hasSize(6);
        }
    }

    @Test
    void throttlesConverseUpFrontForAStreamThrottle() {
        assertThatThrownBy(() -> simulator.sync().converse(converse("Hi there", "x-sim-fault", "stream-throttle")))
                .isInstanceOf(ThrottlingException.class);
    }

    @Test
    void dropsAConverseConnectionWithoutAnAnswer() {
        assertThatThrownBy(() -> simulator.sync().converse(converse("Hi there", "x-sim-fault", "stream-drop")))
                .isInstanceOf(SdkClientException.class);
    }

    @Test
    void delaysAConverseAnswerForAStall() {
        long started = System.nanoTime();
        var response = simulator.sync().converse(
                converse("Hi there", "x-sim-fault", "stream-stall", "x-sim-stall-ms", "300"));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(response.stopReason()).isEqualTo(StopReason.END_TURN);
    }

    @Test
    void refusesANegativeFaultPosition() {
        assertThatThrownBy(() -> simulator.sync().converse(converse("Hi there", "x-sim-fault", "stream-error",
                "x-sim-fault-after", "-1"))).isInstanceOf(ValidationException.class);
    }
}
