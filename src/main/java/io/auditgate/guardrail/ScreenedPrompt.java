package io.auditgate.guardrail;

import io.auditgate.guardrail.pii.Placeholders;
import io.auditgate.conversation.ChatMessage;
import io.auditgate.conversation.Inference;
import io.auditgate.conversation.Tools;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A request whose text has passed the input guardrails: the only form in which a prompt may reach a model.
 * It carries two versions of the conversation: what the model may see ({@link #system()}, {@link #messages()})
 * and what records and logs may hold ({@link #recordSystem()}, {@link #recordMessages()},
 * {@link #recordInference()}, always fully masked). A blocked prompt ({@link PromptBlocked}) has the masked text
 * in both views.
 */
public final class ScreenedPrompt {

    /** The model's view and the record's view of the same conversation and stop sequences. */
    record Texts(Optional<String> system, List<ChatMessage> messages, List<String> stop, Tools tools) {
        Texts {
            messages = List.copyOf(messages);
            stop = List.copyOf(stop);
        }
    }

    private final String requestId;
    private final String model;
    private final Texts forModel;
    private final Texts forRecord;
    private final Inference inference;
    private final Map<String, String> metadata;
    private final GuardrailProfile profile;
    private final StageReport report;
    private final Placeholders placeholders;

    ScreenedPrompt(String requestId, String model, Texts forModel, Texts forRecord, Inference inference,
                   Map<String, String> metadata, GuardrailProfile profile, StageReport report, Placeholders placeholders) {
        this.requestId = requestId;
        this.model = model;
        this.forModel = forModel;
        this.forRecord = forRecord;
        this.inference = new Inference(inference.maxTokens(), inference.temperature(), inference.topP(), forModel.stop());
        this.metadata = Map.copyOf(metadata);
        this.profile = profile;
        this.report = report;
        this.placeholders = placeholders;
    }

    public String requestId() {
        return requestId;
    }

    public String model() {
        return model;
    }

    public Optional<String> system() {
        return forModel.system();
    }

    public List<ChatMessage> messages() {
        return forModel.messages();
    }

    /** The tools offered, their descriptions screened as the model gets them. */
    public Tools tools() {
        return forModel.tools();
    }

    public Optional<String> recordSystem() {
        return forRecord.system();
    }

    public List<ChatMessage> recordMessages() {
        return forRecord.messages();
    }

    /** Inference parameters as the model gets them: stop sequences screened like the messages. */
    public Inference inference() {
        return inference;
    }

    /** Inference parameters as records may hold them: stop sequences fully masked. */
    public Inference recordInference() {
        return new Inference(inference.maxTokens(), inference.temperature(), inference.topP(), forRecord.stop());
    }

    /** Client metadata with every PII value in its keys and values masked: safe for logs and records. */
    public Map<String, String> metadata() {
        return metadata;
    }

    public Optional<BedrockGuardrail> bedrockGuardrail() {
        return profile.bedrock();
    }

    public StageReport report() {
        return report;
    }

    GuardrailProfile profile() {
        return profile;
    }

    Placeholders placeholders() {
        return placeholders;
    }
}
