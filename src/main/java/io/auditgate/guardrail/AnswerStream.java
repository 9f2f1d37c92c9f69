package io.auditgate.guardrail;

import io.auditgate.conversation.Completion;
import io.auditgate.conversation.ToolCall;
import io.auditgate.guardrail.pii.PiiDetector;
import io.auditgate.guardrail.pii.PiiScreen;
import io.auditgate.guardrail.pii.Screened;
import io.auditgate.guardrail.pii.StreamScreen;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The output guardrails for one streamed answer: each delta goes through a {@link StreamScreen} with the profile's
 * output actions and the prompt's placeholders, so that what is sent, joined, is exactly what the non-streamed
 * answer would be ({@link Guardrails#screen(ScreenedPrompt, Completion)}), and no PII value leaves unmasked however
 * the model splits it. Text that could still be the start of a value is held back (a bounded window, see
 * {@code docs/pii-detection.md}); a value of a blocked type stops the stream before any of it is sent. A tool call is
 * screened whole, once its arguments are complete, as the non-streamed answer's are. One per stream, fed in order from
 * one thread at a time.
 */
public final class AnswerStream {

    private final ScreenedPrompt prompt;
    private final StreamScreen screen;
    private final PiiScreen tools;
    private final List<Screened> toolTexts = new ArrayList<>();
    private final List<ToolCall> sentCalls = new ArrayList<>();
    private final List<ToolCall> recordCalls = new ArrayList<>();
    private boolean toolBlocked;
    private final StringBuilder sent = new StringBuilder();
    private final StringBuilder record = new StringBuilder();
    private int releases;

    AnswerStream(ScreenedPrompt prompt, PiiDetector detector) {
        this.prompt = prompt;
        this.screen = new StreamScreen(detector, prompt.profile().output(), prompt.placeholders());
        this.tools = new PiiScreen(detector);
    }

    /** Screens the next delta; returns what may be sent now, masked (often nothing: it is held back). */
    public String accept(String delta) {
        return kept(screen.accept(delta));
    }

    /** The model's answer ended: returns the rest, screened (nothing if the answer was blocked). */
    public String finish() {
        return kept(screen.finish());
    }

    /**
     * Screens a tool call whose arguments are complete: returns it to send, its arguments masked, or nothing when
     * they hold a value of a type the profile blocks (then the answer is blocked: nothing more may be sent).
     */
    public Optional<ToolCall> acceptToolCall(ToolCall call) {
        var screened = tools.screen(JsonStrings.of(call.input()), prompt.profile().output(), prompt.placeholders());
        toolTexts.addAll(screened);
        if (screened.stream().anyMatch(Screened::isBlocked)) {
            toolBlocked = true;
            return Optional.empty();
        }
        var sent = PromptTexts.call(call, screened.stream().map(Screened::modelText).iterator());
        sentCalls.add(sent);
        recordCalls.add(PromptTexts.call(call, screened.stream().map(Screened::recordText).iterator()));
        return Optional.of(sent);
    }

    private String kept(io.auditgate.guardrail.pii.Release release) {
        if (!release.text().isEmpty()) {
            releases++;
        }
        sent.append(release.text());
        record.append(release.recordText());
        return release.text();
    }

    /** A value of a type the profile blocks was found: nothing more may be sent, and none of it was. */
    public boolean isBlocked() {
        return toolBlocked || screen.isBlocked() || screen.stopped().isPresent();
    }

    /** Text is held back now: an endpoint may send a heartbeat so that idle timers do not fire. */
    public boolean isHolding() {
        return screen.isHolding();
    }

    /** How many non-empty pieces of text were released so far. */
    public int releases() {
        return releases;
    }

    /**
     * The answer as its record and the stream's last event hold it: the text sent (the record's form fully masked),
     * the output stage's findings, the prompt's report, and a Bedrock guardrail's verdict from {@code end} (a
     * completion without text: its stop reason, usage and trace).
     */
    public ScreenedAnswer answer(Completion end) {
        var findings = new PiiFindings();
        findings.add(screen.tallies(), screen.blocked());
        toolTexts.forEach(findings::add);
        var status = isBlocked() ? GuardrailStatus.BLOCKED
                : findings.masked() ? GuardrailStatus.REDACTED : GuardrailStatus.ALLOWED;
        var completion = new Completion(end.model(), record.toString(), end.stopReason(), end.usage(), end.guardrail(),
                recordCalls);
        var bedrock = end.guardrail().map(BedrockVerdicts::report);
        return new ScreenedAnswer(completion, sent.toString(), record.toString(), sentCalls, recordCalls,
                new GuardrailReport(prompt.report(), new StageReport(status, findings.summary()), bedrock));
    }
}
