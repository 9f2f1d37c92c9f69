package io.auditgate.bedrock;

import io.auditgate.guardrail.ScreenedPrompt;
import io.auditgate.conversation.ChatMessage;
import io.auditgate.conversation.Completion;
import io.auditgate.conversation.Inference;
import io.auditgate.conversation.Role;
import io.auditgate.conversation.ToolCall;
import io.auditgate.conversation.Tools;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.bedrockruntime.model.AnyToolChoice;
import software.amazon.awssdk.services.bedrockruntime.model.ImageBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ImageSource;
import software.amazon.awssdk.services.bedrockruntime.model.AutoToolChoice;
import software.amazon.awssdk.services.bedrockruntime.model.SpecificToolChoice;
import software.amazon.awssdk.services.bedrockruntime.model.Tool;
import software.amazon.awssdk.services.bedrockruntime.model.ToolChoice;
import software.amazon.awssdk.services.bedrockruntime.model.ToolConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.ToolInputSchema;
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultStatus;
import software.amazon.awssdk.services.bedrockruntime.model.ToolSpecification;
import software.amazon.awssdk.services.bedrockruntime.model.ToolUseBlock;
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

/**
 * Explicit mapping between the gateway's records and the Converse API's request and response, tool use included
 * ({@code toolConfig}, {@code toolUse} and {@code toolResult} blocks; JSON through {@link Documents}) and images
 * ({@code image} blocks of the checked bytes).
 */
final class Converse {

    private Converse() {
    }

    static ConverseRequest request(ScreenedPrompt prompt) {
        return request(prompt, prompt.model());
    }

    /** The request for {@code model}: the prompt's own model, or a fallback on its route. */
    static ConverseRequest request(ScreenedPrompt prompt, String model) {
        var builder = ConverseRequest.builder()
                .modelId(model)
                .messages(prompt.messages().stream().map(Converse::message).toList());
        prompt.system().ifPresent(system -> builder.system(List.of(SystemContentBlock.fromText(system))));
        if (!prompt.tools().isEmpty()) {
            builder.toolConfig(tools(prompt.tools()));
        }
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
        return streamRequest(prompt, prompt.model());
    }

    static ConverseStreamRequest streamRequest(ScreenedPrompt prompt, String model) {
        var whole = request(prompt, model);
        var builder = ConverseStreamRequest.builder()
                .modelId(whole.modelId())
                .messages(whole.messages())
                .inferenceConfig(whole.inferenceConfig());
        if (whole.hasSystem()) {
            builder.system(whole.system());
        }
        if (whole.toolConfig() != null) {
            builder.toolConfig(whole.toolConfig());
        }
        prompt.bedrockGuardrail().ifPresent(g -> builder.guardrailConfig(GuardrailStreamConfiguration.builder()
                .guardrailIdentifier(g.id()).guardrailVersion(g.version()).trace(GuardrailTrace.ENABLED)
                .streamProcessingMode(GuardrailStreamProcessingMode.SYNC).build()));
        return builder.build();
    }

    static Completion completion(ScreenedPrompt prompt, ConverseResponse response) {
        return completion(prompt, prompt.model(), response);
    }

    /** The answer of {@code model}: its text blocks joined, and its {@code toolUse} blocks as tool calls. */
    static Completion completion(ScreenedPrompt prompt, String model, ConverseResponse response) {
        var content = response.output() == null || response.output().message() == null ? List.<ContentBlock>of()
                : response.output().message().content();
        var text = content.stream().filter(block -> block.text() != null).map(ContentBlock::text)
                .collect(Collectors.joining());
        var calls = content.stream().filter(block -> block.toolUse() != null).map(ContentBlock::toolUse)
                .map(use -> new ToolCall(use.toolUseId(), use.name(), Documents.input(use.input()))).toList();
        var usage = response.usage() == null ? new Completion.Usage(0, 0, 0)
                : new Completion.Usage(orZero(response.usage().inputTokens()), orZero(response.usage().outputTokens()),
                        orZero(response.usage().totalTokens()));
        var stopReason = response.stopReasonAsString() == null ? "unknown" : response.stopReasonAsString();
        return new Completion(model, text, stopReason, usage,
                GuardrailTraces.from(response, prompt.bedrockGuardrail().isPresent()), calls);
    }

    /**
     * A turn's blocks in the order Bedrock expects them: a user turn's tool results, then its images, then its text;
     * an assistant turn's text before its tool calls; an empty text (a turn of tool use or images only) is no block.
     */
    private static Message message(ChatMessage message) {
        var blocks = new ArrayList<ContentBlock>();
        message.toolResults().forEach(result -> blocks.add(ContentBlock.fromToolResult(ToolResultBlock.builder()
                .toolUseId(result.toolCallId())
                .content(ToolResultContentBlock.fromText(result.content()))
                .status(result.error() ? ToolResultStatus.ERROR : ToolResultStatus.SUCCESS)
                .build())));
        message.images().forEach(image -> blocks.add(ContentBlock.fromImage(ImageBlock.builder()
                .format(image.format().wire())
                .source(ImageSource.fromBytes(SdkBytes.fromByteBuffer(image.view())))
                .build())));
        if (message.needsTextBlock()) {
            blocks.add(ContentBlock.fromText(message.content()));
        }
        message.toolCalls().forEach(call -> blocks.add(ContentBlock.fromToolUse(ToolUseBlock.builder()
                .toolUseId(call.id()).name(call.name()).input(Documents.of(call.input())).build())));
        return Message.builder()
                .role(message.role() == Role.USER ? ConversationRole.USER : ConversationRole.ASSISTANT)
                .content(blocks)
                .build();
    }

    private static ToolConfiguration tools(Tools tools) {
        var specs = tools.specs().stream().map(spec -> Tool.fromToolSpec(ToolSpecification.builder()
                .name(spec.name())
                .description(spec.description().isEmpty() ? null : spec.description())
                .inputSchema(ToolInputSchema.fromJson(Documents.of(spec.inputSchema())))
                .build())).toList();
        var choice = switch (tools.choice()) {
            case AUTO -> ToolChoice.fromAuto(AutoToolChoice.builder().build());
            case ANY -> ToolChoice.fromAny(AnyToolChoice.builder().build());
            case TOOL -> ToolChoice.fromTool(SpecificToolChoice.builder().name(tools.forced().orElseThrow()).build());
        };
        return ToolConfiguration.builder().tools(specs).toolChoice(choice).build();
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
