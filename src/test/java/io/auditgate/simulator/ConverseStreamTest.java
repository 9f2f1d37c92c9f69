package io.auditgate.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamMetadataEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamResponseHandler;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ModelStreamErrorException;
import software.amazon.awssdk.services.bedrockruntime.model.StopReason;
import software.amazon.awssdk.services.bedrockruntime.model.ValidationException;

class ConverseStreamTest {

    @RegisterExtension
    static final SimulatorFixture simulator = new SimulatorFixture(SimulatorOptions.defaults().withTokenDelayMs(1));

    /** Everything the visitor saw, in order of arrival. */
    private static final class Seen {
        final List<String> events = new ArrayList<>();
        final StringBuilder text = new StringBuilder();
        ConversationRole role;
        StopReason stopReason;
        ConverseStreamMetadataEvent metadata;
    }

    private Seen stream(ConverseStreamRequest request) throws Exception {
        var seen = new Seen();
        var visitor = ConverseStreamResponseHandler.Visitor.builder()
                .onMessageStart(e -> {
                    seen.events.add("messageStart");
                    seen.role = e.role();
                })
                .onContentBlockDelta(e -> {
                    seen.events.add("contentBlockDelta");
                    seen.text.append(e.delta().text());
                })
                .onContentBlockStop(e -> seen.events.add("contentBlockStop"))
                .onMessageStop(e -> {
                    seen.events.add("messageStop");
                    seen.stopReason = e.stopReason();
                })
                .onMetadata(e -> {
                    seen.events.add("metadata");
                    seen.metadata = e;
                })
                .onDefault(e -> seen.events.add("unexpected " + e.sdkEventType()))
                .build();
        var handler = ConverseStreamResponseHandler.builder().subscriber(visitor).build();
        simulator.async().converseStream(request, handler).get(10, TimeUnit.SECONDS);
        return seen;
    }

    private static ConverseStreamRequest question(String text) {
        return ConverseStreamRequest.builder().modelId(SdkClients.HAIKU).messages(ConverseTest.user(text)).build();
    }

    @Test
    void streamsEveryEventTypeAndReassemblesTheConverseText() throws Exception {
        var seen = stream(question("How do tides work on the ocean?"));
        var whole = simulator.async().converse(ConverseRequest.builder().modelId(SdkClients.HAIKU)
                .messages(ConverseTest.user("How do tides work on the ocean?")).build()).get(10, TimeUnit.SECONDS);

        assertThat(seen.events).startsWith("messageStart", "contentBlockDelta", "contentBlockDelta")
                .endsWith("contentBlockStop", "messageStop", "metadata")
                .doesNotContain("unexpected");
        assertThat(seen.role).isEqualTo(ConversationRole.ASSISTANT);
        assertThat(seen.text.toString()).isEqualTo(whole.output().message().content().get(0).text());
        assertThat(seen.stopReason).isEqualTo(StopReason.END_TURN);
        assertThat(seen.metadata.usage()).isEqualTo(whole.usage());
        assertThat(seen.metadata.metrics().latencyMs()).isNotNull();
    }

    @Test
    void endsAStreamAtMaxTokens() throws Exception {
        var seen = stream(question("How do tides work?").toBuilder().inferenceConfig(c -> c.maxTokens(3)).build());

        assertThat(seen.stopReason).isEqualTo(StopReason.MAX_TOKENS);
        assertThat(seen.text).hasSize(12);
        assertThat(seen.metadata.usage().outputTokens()).isEqualTo(3);
    }

    @Test
    void surfacesAMidStreamErrorAsModelStreamErrorException() {
        var request = question("How do tides work?").toBuilder()
                .overrideConfiguration(o -> o.putHeader("x-sim-fault", "stream-error")).build();
        var seen = new Seen();
        var handler = ConverseStreamResponseHandler.builder()
                .subscriber(ConverseStreamResponseHandler.Visitor.builder()
                        .onContentBlockDelta(e -> seen.text.append(e.delta().text())).build())
                .build();

        assertThatThrownBy(() -> simulator.async().converseStream(request, handler).get(10, TimeUnit.SECONDS))
                .hasCauseInstanceOf(ModelStreamErrorException.class)
                .cause().satisfies(e -> assertThat(((ModelStreamErrorException) e).originalStatusCode()).isEqualTo(500));
        assertThat(seen.text).isNotEmpty();
    }

    @Test
    void rejectsAnInvalidStreamRequestBeforeStreaming() {
        var request = question("hi").toBuilder().inferenceConfig(c -> c.maxTokens(9000)).build();
        var handler = ConverseStreamResponseHandler.builder()
                .subscriber(ConverseStreamResponseHandler.Visitor.builder().build()).build();

        assertThatThrownBy(() -> simulator.async().converseStream(request, handler).join())
                .isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(ValidationException.class);
    }

    @Test
    void failsTheCallWhenTheStreamIsMalformed() {
        var request = question("How do tides work?").toBuilder()
                .overrideConfiguration(o -> o.putHeader("x-sim-fault", "malformed")).build();
        var handler = ConverseStreamResponseHandler.builder()
                .subscriber(ConverseStreamResponseHandler.Visitor.builder().build()).build();

        assertThatThrownBy(() -> simulator.async().converseStream(request, handler).get(5, TimeUnit.SECONDS))
                .hasCauseInstanceOf(SdkClientException.class);
    }
}
