package io.auditgate.guardrail;

import io.auditgate.bedrock.Completion;
import io.auditgate.guardrail.injection.InjectionAction;
import io.auditgate.guardrail.injection.InjectionDetector;
import io.auditgate.guardrail.pii.PiiDetector;
import io.auditgate.guardrail.pii.PiiScreen;
import io.auditgate.guardrail.pii.Placeholders;
import io.auditgate.guardrail.pii.Screened;
import io.auditgate.invoke.ChatMessage;
import io.auditgate.invoke.InvokeRequest;
import io.auditgate.invoke.Role;
import io.auditgate.problem.GatewayException;
import io.auditgate.problem.ProblemType;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The screening steps of the pipeline. In: PII in the system prompt, every message and the metadata is masked,
 * allowed or refused per the tenant's profile (422 {@code prompt-blocked} naming the types, never the values),
 * then the system prompt and the messages of every role are screened for prompt injection (flag or 422). Out: the
 * answer goes through the same PII detector with the profile's output actions, and a Bedrock guardrail's
 * intervention is folded in.
 */
@ApplicationScoped
public class Guardrails {

    static final String WITHHELD = "The answer was withheld by the gateway's guardrails.";
    private static final String DEFAULT_BUDGET = "PT1S";

    private final PiiDetector detector = new PiiDetector();
    private final PiiScreen answers = new PiiScreen(detector);
    private final InjectionDetector injection = new InjectionDetector();

    @Inject
    @ConfigProperty(name = "guardrail.screening-budget", defaultValue = DEFAULT_BUDGET)
    Duration screeningBudget;

    public Guardrails() {
        this(Duration.parse(DEFAULT_BUDGET));
    }

    /** With a fixed budget, for tests; in the container the configured value replaces it. */
    Guardrails(Duration screeningBudget) {
        this.screeningBudget = ScreeningBudget.requirePositive(screeningBudget);
    }

    /** A zero or negative budget would refuse every request: stop the deployment instead. */
    @PostConstruct
    void refuseANonPositiveBudget() {
        ScreeningBudget.requirePositive(screeningBudget);
    }

    /**
     * Screens a request's input. Refuses it with 422 {@code prompt-blocked} when the profile blocks what was found,
     * and with 422 {@code screening-limit} once screening has used more CPU time than
     * {@code guardrail.screening-budget} (checked before every recognizer and check, so no screening runs on past the
     * budget).
     */
    public ScreenedPrompt screen(GuardrailProfile profile, InvokeRequest request) {
        var budget = ScreeningBudget.start(screeningBudget);
        var pii = new PiiScreen(detector.withCheckpoint(budget::check));
        var placeholders = new Placeholders();
        var findings = new PiiFindings();
        var system = request.system().map(text -> findings.add(pii.screen(text, profile.input(), placeholders)));
        var messages = request.messages().stream()
                .map(m -> new Pair(m.role(), findings.add(pii.screen(m.content(), profile.input(), placeholders)))).toList();
        var metadata = new LinkedHashMap<String, String>();
        request.metadata().forEach((k, v) -> metadata.put(k, pii.screen(v, profile.input(), placeholders).recordText()));
        if (!findings.blocked().isEmpty()) {
            throw new GatewayException(ProblemType.PROMPT_BLOCKED, "The prompt contains data this tenant may not send: "
                    + String.join(", ", findings.blocked()) + ".");
        }
        var status = findings.masked() ? GuardrailStatus.REDACTED : GuardrailStatus.ALLOWED;
        // every role the model reads: an instruction in the system prompt or a forged assistant turn steers it too
        var assessment = injection.assess(Stream.concat(request.system().stream(),
                request.messages().stream().map(ChatMessage::content)).collect(Collectors.joining("\n")),
                budget::check);
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
        var screened = findings.add(answers.screen(completion.text(), prompt.profile().output(),
                prompt.placeholders()));
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

    private record Pair(Role role, Screened screened) {
    }
}
