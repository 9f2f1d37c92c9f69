package io.auditgate.guardrail;

import io.auditgate.conversation.Completion;
import io.auditgate.guardrail.injection.InjectionAction;
import io.auditgate.guardrail.injection.InjectionAssessment;
import io.auditgate.guardrail.injection.InjectionDetector;
import io.auditgate.guardrail.pii.PiiDetector;
import io.auditgate.guardrail.pii.PiiScreen;
import io.auditgate.guardrail.pii.Placeholders;
import io.auditgate.guardrail.pii.Screened;
import io.auditgate.conversation.ChatRequest;
import io.auditgate.conversation.ToolCall;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The screening steps of the pipeline. In: PII in the system prompt, the tools' descriptions, every message with its
 * tool results and tool-call arguments (read together, as the model reads them, so a value split across two texts is
 * found: {@link PromptTexts}), the stop sequences and the metadata's keys and values
 * is masked, allowed or refused per the tenant's profile (422 {@code prompt-blocked} naming the types, never the
 * values), then the system prompt and the messages of every role are screened for prompt injection (flag or 422).
 * A refusal is a {@link PromptBlocked} carrying the redacted prompt and what blocked it, for the audit record.
 * Screening stops with 422 {@code screening-limit} once it has used {@code guardrail.screening-budget} of CPU time.
 * Out: the answer, its text and its tool calls' arguments, goes through the same PII detector with the profile's output
 * actions, and a Bedrock guardrail's intervention is folded in.
 */
@ApplicationScoped
public class Guardrails {

    static final String WITHHELD = "The answer was withheld by the gateway's guardrails.";
    static final String INJECTION = "PROMPT_INJECTION";
    static final String BLOCK = "BLOCK";
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
    public ScreenedPrompt screen(GuardrailProfile profile, ChatRequest request) {
        var budget = ScreeningBudget.start(screeningBudget);
        var pii = new PiiScreen(detector.withCheckpoint(budget::check));
        var placeholders = new Placeholders();
        var findings = new PiiFindings();
        var texts = PromptTexts.of(request);
        var conversation = pii.screen(texts, profile.input(), placeholders).stream().map(findings::add).toList();
        var stop = request.inference().stop().stream()
                .map(s -> findings.add(pii.screen(s, profile.input(), placeholders))).toList();
        var metadata = metadata(pii, request.metadata(), profile, placeholders, findings);
        var forRecord = texts(request, conversation, stop, Screened::recordText);
        if (!findings.blocked().isEmpty()) {
            throw blocked(request, profile, forRecord, metadata, findings.summary(), placeholders,
                    "The prompt contains data this tenant may not send: " + String.join(", ", findings.blocked()) + ".");
        }
        var status = findings.masked() ? GuardrailStatus.REDACTED : GuardrailStatus.ALLOWED;
        // every text the model reads: a forged assistant turn steers it, and a tool result (a web page, a mail) that
        // tells it what to do is indirect injection
        var assessment = injection.assess(String.join("\n", texts), budget::check);
        var report = new ArrayList<>(findings.summary());
        if (profile.injection().crossedBy(assessment)) {
            if (profile.injection().action() == InjectionAction.BLOCK) {
                var techniques = techniques(assessment);
                report.addAll(techniques);
                throw blocked(request, profile, forRecord, metadata, report, placeholders,
                        "The prompt was refused by prompt-injection screening (" + techniques.stream()
                                .map(f -> f.type().substring(INJECTION.length() + 1)).collect(Collectors.joining(", "))
                                + ").");
            }
            report.add(new Finding(INJECTION, assessment.signals().size(), "FLAG"));
            status = GuardrailStatus.FLAGGED;
        }
        var forModel = texts(request, conversation, stop, Screened::modelText);
        return new ScreenedPrompt(request.requestId(), request.model(), forModel, forRecord, request.inference(),
                metadata, profile, new StageReport(status, report), placeholders);
    }

    /** The output guardrails for a streamed answer to {@code prompt}, delta by delta. */
    public AnswerStream stream(ScreenedPrompt prompt) {
        return new AnswerStream(prompt, detector);
    }

    /**
     * Screens a whole answer: its text and its tool calls' arguments (names, strings and numbers of the JSON) as the
     * one text the model wrote, with the profile's output actions. A blocked value withholds all of it.
     */
    public ScreenedAnswer screen(ScreenedPrompt prompt, Completion completion) {
        var bedrock = completion.guardrail().map(BedrockVerdicts::report);
        var findings = new PiiFindings();
        var texts = new ArrayList<String>();
        texts.add(completion.text());
        completion.toolCalls().forEach(call -> texts.addAll(JsonStrings.of(call.input())));
        var screened = answers.screen(texts, prompt.profile().output(), prompt.placeholders()).stream()
                .map(findings::add).toList();
        var status = findings.masked() ? GuardrailStatus.REDACTED : GuardrailStatus.ALLOWED;
        var output = new StageReport(findings.blocked().isEmpty() ? status : GuardrailStatus.BLOCKED, findings.summary());
        var report = new GuardrailReport(prompt.report(), output, bedrock);
        if (!findings.blocked().isEmpty()) {
            return new ScreenedAnswer(completion, WITHHELD, WITHHELD, List.of(), List.of(), report);
        }
        return new ScreenedAnswer(completion, screened.get(0).modelText(), screened.get(0).recordText(),
                calls(completion.toolCalls(), screened, Screened::modelText),
                calls(completion.toolCalls(), screened, Screened::recordText), report);
    }

    /** The tool calls rebuilt from one view of their screened texts (which follow the answer's text). */
    static List<ToolCall> calls(List<ToolCall> calls, List<Screened> screened, Function<Screened, String> view) {
        var texts = screened.stream().skip(1).map(view).iterator();
        return calls.stream().map(call -> PromptTexts.call(call, texts)).toList();
    }

    /** One view (the model's or the record's) of the screened conversation, tools and stop sequences. */
    private static ScreenedPrompt.Texts texts(ChatRequest request, List<Screened> conversation, List<Screened> stop,
                                              Function<Screened, String> view) {
        var rebuilt = PromptTexts.rebuild(request, conversation.stream().map(view).iterator());
        return new ScreenedPrompt.Texts(rebuilt.system(), rebuilt.messages(), stop.stream().map(view).toList(),
                rebuilt.tools());
    }

    /**
     * Metadata keys and values through the same screen as the prompt; both the record and the model's side keep
     * the fully masked form (metadata is never sent to the model). Two keys that mask alike keep the first.
     */
    private static Map<String, String> metadata(PiiScreen pii, Map<String, String> metadata, GuardrailProfile profile,
                                                Placeholders placeholders, PiiFindings findings) {
        var screened = new LinkedHashMap<String, String>();
        new TreeMap<>(metadata).forEach((k, v) -> screened.putIfAbsent(
                findings.add(pii.screen(k, profile.input(), placeholders)).recordText(),
                findings.add(pii.screen(v, profile.input(), placeholders)).recordText()));
        return screened;
    }

    /** One finding per injection technique that crossed the block threshold, named {@code PROMPT_INJECTION.<TECHNIQUE>}. */
    private static List<Finding> techniques(InjectionAssessment assessment) {
        return assessment.signals().stream().collect(Collectors.groupingBy(s -> s.technique().name(), TreeMap::new,
                        Collectors.counting())).entrySet().stream()
                .map(e -> new Finding(INJECTION + "." + e.getKey(), Math.toIntExact(e.getValue()), BLOCK)).toList();
    }

    /** The refusal, with a prompt whose both views are the masked text: nothing blocked can leave through it. */
    private static PromptBlocked blocked(ChatRequest request, GuardrailProfile profile, ScreenedPrompt.Texts forRecord,
                                         Map<String, String> metadata, List<Finding> findings, Placeholders placeholders,
                                         String detail) {
        var prompt = new ScreenedPrompt(request.requestId(), request.model(), forRecord, forRecord, request.inference(),
                metadata, profile, new StageReport(GuardrailStatus.BLOCKED, findings), placeholders);
        return new PromptBlocked(detail, prompt);
    }
}
