package io.auditgate.guardrail;

import io.auditgate.bedrock.Completion;
import io.auditgate.guardrail.injection.InjectionAction;
import io.auditgate.guardrail.injection.InjectionDetector;
import io.auditgate.guardrail.pii.PiiPolicy;
import io.auditgate.guardrail.pii.PiiScreen;
import io.auditgate.guardrail.pii.Placeholders;
import io.auditgate.guardrail.pii.Screened;
import io.auditgate.invoke.ChatMessage;
import io.auditgate.invoke.InvokeRequest;
import io.auditgate.invoke.Role;
import io.auditgate.problem.GatewayException;
import io.auditgate.problem.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The screening steps of the pipeline. In: PII in the system prompt, every message (read together, as the model
 * reads them, so a value split across two messages is found) and the metadata is masked, allowed or refused per the
 * tenant's profile (422 {@code prompt-blocked} naming the types, never the values),
 * then user messages are screened for prompt injection (flag or 422). Out: the answer goes through the same PII
 * detector with the profile's output actions, and a Bedrock guardrail's intervention is folded in.
 */
@ApplicationScoped
public class Guardrails {

    static final String WITHHELD = "The answer was withheld by the gateway's guardrails.";

    private final PiiScreen pii = new PiiScreen();
    private final InjectionDetector injection = new InjectionDetector();

    public ScreenedPrompt screen(GuardrailProfile profile, InvokeRequest request) {
        var placeholders = new Placeholders();
        var findings = new PiiFindings();
        var conversation = screenConversation(request, profile.input(), placeholders, findings);
        var system = request.system().map(text -> conversation.get(0));
        int offset = request.system().isPresent() ? 1 : 0;
        var messages = IntStream.range(0, request.messages().size())
                .mapToObj(i -> new Pair(request.messages().get(i).role(), conversation.get(offset + i))).toList();
        var metadata = new LinkedHashMap<String, String>();
        request.metadata().forEach((k, v) -> metadata.put(k, pii.screen(v, profile.input(), placeholders).recordText()));
        if (!findings.blocked().isEmpty()) {
            throw new GatewayException(ProblemType.PROMPT_BLOCKED, "The prompt contains data this tenant may not send: "
                    + String.join(", ", findings.blocked()) + ".");
        }
        var status = findings.masked() ? GuardrailStatus.REDACTED : GuardrailStatus.ALLOWED;
        var assessment = injection.assess(request.messages().stream().filter(m -> m.role() == Role.USER)
                .map(ChatMessage::content).collect(Collectors.joining("\n")));
        var report = new ArrayList<>(findings.summary());
        if (profile.injection().crossedBy(assessment)) {
            var techniques = assessment.signals().stream().map(s -> s.technique().name()).distinct().sorted().toList();
            if (profile.injection().action() == InjectionAction.BLOCK) {
                throw new GatewayException(ProblemType.PROMPT_BLOCKED,
                        "The prompt was refused by prompt-injection screening (" + String.join(", ", techniques) + ").");
            }
            report.add(new Finding("PROMPT_INJECTION", assessment.signals().size(), "FLAG"));
            status = GuardrailStatus.FLAGGED;
        }
        var forModel = new ScreenedPrompt.Texts(system.map(Screened::modelText),
                messages.stream().map(p -> new ChatMessage(p.role(), p.screened().modelText())).toList());
        var forRecord = new ScreenedPrompt.Texts(system.map(Screened::recordText),
                messages.stream().map(p -> new ChatMessage(p.role(), p.screened().recordText())).toList());
        return new ScreenedPrompt(request.requestId(), request.model(), forModel, forRecord, request.inference(),
                metadata, profile, new StageReport(status, report), placeholders);
    }

    public ScreenedAnswer screen(ScreenedPrompt prompt, Completion completion) {
        var bedrock = completion.guardrail().map(BedrockVerdicts::report);
        var findings = new PiiFindings();
        var screened = findings.add(pii.screen(completion.text(), prompt.profile().output(), prompt.placeholders()));
        var status = findings.masked() ? GuardrailStatus.REDACTED : GuardrailStatus.ALLOWED;
        var text = screened.modelText();
        if (!findings.blocked().isEmpty()) {
            status = GuardrailStatus.BLOCKED;
            text = WITHHELD;
        }
        var output = new StageReport(status, findings.summary());
        return new ScreenedAnswer(completion, text, findings.blocked().isEmpty() ? screened.recordText() : WITHHELD,
                new GuardrailReport(prompt.report(), output, bedrock));
    }

    /**
     * The system prompt and every message, screened as the one text the model reads, so that a value split across
     * two consecutive texts is found; one result per text, the system prompt first.
     */
    private List<Screened> screenConversation(InvokeRequest request, PiiPolicy policy, Placeholders placeholders,
                                              PiiFindings findings) {
        var texts = new ArrayList<String>();
        request.system().ifPresent(texts::add);
        request.messages().forEach(m -> texts.add(m.content()));
        return pii.screen(texts, policy, placeholders).stream().map(findings::add).toList();
    }

    private record Pair(Role role, Screened screened) {
    }
}
