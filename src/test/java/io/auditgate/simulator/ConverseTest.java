package io.auditgate.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.ResourceNotFoundException;
import software.amazon.awssdk.services.bedrockruntime.model.StopReason;
import software.amazon.awssdk.services.bedrockruntime.model.SystemContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ValidationException;

class ConverseTest {

    @RegisterExtension
    static final SimulatorFixture simulator = new SimulatorFixture();

    static Message user(String text) {
        return Message.builder().role(ConversationRole.USER).content(ContentBlock.fromText(text)).build();
    }

    private ConverseResponse converse(String modelId, String question, Consumer<ConverseRequest.Builder> more) {
        var request = ConverseRequest.builder().modelId(modelId).messages(user(question));
        more.accept(request);
        return simulator.sync().converse(request.build());
    }

    @Test
    void answersWithTextEndTurnAndUsageTheSdkParses() {
        var response = converse(SdkClients.HAIKU, "What is the capital of France?",
                r -> r.system(SystemContentBlock.fromText("Be brief.")));

        String text = response.output().message().content().get(0).text();
        assertThat(response.output().message().role()).isEqualTo(ConversationRole.ASSISTANT);
        assertThat(text).startsWith("Simulated answer from " + SdkClients.HAIKU + ": ").contains("capital", "france");
        assertThat(response.stopReason()).isEqualTo(StopReason.END_TURN);
        int input = ("Be brief.".length() + "What is the capital of France?".length() + 3) / 4;
        assertThat(response.usage().inputTokens()).isEqualTo(input);
        assertThat(response.usage().outputTokens()).isEqualTo((text.length() + 3) / 4);
        assertThat(response.usage().totalTokens()).isEqualTo(input + response.usage().outputTokens());
        assertThat(response.metrics().latencyMs()).isNotNull();
        assertThat(response.responseMetadata().requestId()).hasSize(36);
    }

    @Test
    void givesTheSameAnswerToTheSameQuestion() {
        var first = converse(SdkClients.HAIKU, "Explain photosynthesis to a child", r -> { });
        var second = converse(SdkClients.HAIKU, "Explain photosynthesis to a child", r -> { });
        var other = converse(SdkClients.HAIKU, "Explain gravity to a child", r -> { });

        assertThat(second.output().message().content()).isEqualTo(first.output().message().content());
        assertThat(other.output().message().content()).isNotEqualTo(first.output().message().content());
    }

    @Test
    void truncatesAtMaxTokensWithStopReasonMaxTokens() {
        var response = converse(SdkClients.HAIKU, "Tell me about the history of Rome",
                r -> r.inferenceConfig(c -> c.maxTokens(5)));

        assertThat(response.stopReason()).isEqualTo(StopReason.MAX_TOKENS);
        assertThat(response.output().message().content().get(0).text()).hasSize(20);
        assertThat(response.usage().outputTokens()).isEqualTo(5);
    }

    @Test
    void cutsAtTheFirstStopSequence() {
        var response = converse(SdkClients.HAIKU, "Tell me about the history of Rome",
                r -> r.inferenceConfig(c -> c.stopSequences("history", "from")));

        assertThat(response.stopReason()).isEqualTo(StopReason.STOP_SEQUENCE);
        assertThat(response.output().message().content().get(0).text()).isEqualTo("Simulated answer ");
    }

    @Test
    void acceptsInferenceProfilesAndArnsOfKnownProviders() {
        assertThat(converse("us.anthropic.claude-3-5-sonnet-20240620-v1:0", "hi there",
                r -> r.inferenceConfig(c -> c.maxTokens(8192))).stopReason()).isEqualTo(StopReason.END_TURN);
        assertThat(converse("arn:aws:bedrock:us-east-1::foundation-model/meta.llama3-8b-instruct-v1:0", "hi there",
                r -> { }).output().message().content().get(0).text())
                .startsWith("Simulated answer from arn:aws:bedrock:us-east-1::foundation-model/meta.llama3");
        assertThat(converse("amazon.nova-lite-v1:0", "hi", r -> { }).stopReason()).isEqualTo(StopReason.END_TURN);
    }

    @Test
    void rejectsAnUnknownProviderAsResourceNotFound() {
        assertThatThrownBy(() -> converse("openai.gpt-4", "hi", r -> { }))
                .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The provided model identifier is invalid.");
                });
    }

    @Test
    void rejectsMaxTokensAboveTheModelLimit() {
        assertThatThrownBy(() -> converse(SdkClients.HAIKU, "hi", r -> r.inferenceConfig(c -> c.maxTokens(5000))))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("The maximum tokens you requested exceeds the model limit of 4096. "
                        + "Try again with a maximum tokens value that is lower than 4096.");
    }

    @Test
    void rejectsAConversationThatStartsWithTheAssistant() {
        var assistant = Message.builder().role(ConversationRole.ASSISTANT).content(ContentBlock.fromText("Hi")).build();
        assertThatThrownBy(() -> simulator.sync().converse(r -> r.modelId(SdkClients.HAIKU)
                .messages(assistant, user("hello"))))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(400))
                .hasMessageStartingWith("A conversation must start with a user message.");
    }

    @Test
    void rejectsBlankTextBlocks() {
        assertThatThrownBy(() -> converse(SdkClients.HAIKU, " ", r -> { }))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("messages.0.content.0 is blank");
    }

    @Test
    void rejectsInputLongerThanTheModelAccepts() {
        assertThatThrownBy(() -> converse(SdkClients.HAIKU, "a".repeat(800_001), r -> { }))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("Input is too long for requested model.");
    }
}
