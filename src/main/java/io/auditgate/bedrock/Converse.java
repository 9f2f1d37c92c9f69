package io.auditgate.bedrock;

import io.auditgate.guardrail.ScreenedPrompt;
import io.auditgate.conversation.ChatMessage;
import io.auditgate.conversation.Completion;
import io.auditgate.conversation.Inference;
import io.auditgate.conversation.Role;
import java.util.List;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamRequest;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailStreamConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailStreamProcessingMode;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailTrace;
import software.amazon.awssdk.services.bedrockruntime.model.InferenceConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.SystemContentBlock;

/** Explicit mapping between the gateway's records and the Converse API's request and response. */
final class Converse {

    private Converse() {
    }

    static ConverseRequest request(ScreenedPrompt prompt) {
        var builder = ConverseRequest.builder()
                .modelId(prompt.model())
                .messages(prompt.messages().stream().map(Converse::message).toList());
        prompt.system().ifPresent(system -> builder.system(List.of(SystemContentBlock.fromText(system))));
        if (!prompt.inference().isDefault()) {
            builder.inferenceConfig(inference(prompt.inference()));
        }
        prompt.bedrockGuardrail().ifPresent(g -> builder.guardrailConfig(GuardrailConfiguration.builder()
                .guardrailIdentifier(g.id()).guardrailVersion(g.version()).trace(GuardrailTrace.ENABLED).build()));
        return builder.build();
    }

    /**
     * The same request for ConverseStream; a Bedrock guardrail screens the stream synchronously (only {@code sync}
     * masks: {@code async} lets text out before the guardrail has seen it).
     */
    static ConverseStreamRequest streamRequest(ScreenedPrompt prompt) {
        var whole = request(prompt);
        var builder = ConverseStreamRequest.builder()
                .modelId(whole.modelId())
                .messages(whole.messages())
                .inferenceConfig(whole.inferenceConfig());
        if (whole.hasSystem()) {
            builder.system(whole.system());
        }
        prompt.bedrockGuardrail().ifPresent(g -> builder.guardrailConfig(GuardrailStreamConfiguration.builder()
                .guardrailIdentifier(g.id()).guardrailVersion(g.version()).trace(GuardrailTrace.ENABLED)
                .streamProcessingMode(GuardrailStreamProcessingMode.SYNC).build()));
        return builder.build();
    }

    static Completion completion(ScreenedPrompt prompt, ConverseResponse response) {
        var text = response.output() == null || response.output().message() == null ? ""
                : response.output().message().content().stream()
                        .filter(block -> block.text() != null)
                        .map(ContentBlock::text)
                        .collect(Collectors.joining());
        var usage = response.usage() == null ? new Completion.Usage(0, 0, 0)
                : new Completion.Usage(orZero(response.usage().inputTokens()), orZero(response.usage().outputTokens()),
                        orZero(response.usage().totalTokens()));
        var stopReason = response.stopReasonAsString() == null ? "unknown" : response.stopReasonAsString();
        return new Completion(prompt.model(), text, stopReason, usage,
                GuardrailTraces.from(response, prompt.bedrockGuardrail().isPresent()));
    }

    private static Message message(ChatMessage message) {
        return Message.builder()
                .role(message.role() == Role.USER ? ConversationRole.USER : ConversationRole.ASSISTANT)
                .content(ContentBlock.fromText(message.content()))
                .build();
    }

    private static InferenceConfiguration inference(Inference inference) {
        var builder = InferenceConfiguration.builder();
        if (inference.maxTokens() != null) {
            builder.maxTokens(inference.maxTokens());
        }
        if (inference.temperature() != null) {
            builder.temperature(inference.temperature().floatValue());
        }
        if (inference.topP() != null) {
            builder.topP(inference.topP().floatValue());
        }
        if (!inference.stop().isEmpty()) {
            builder.stopSequences(inference.stop());
        }
        return builder.build();
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }
}
