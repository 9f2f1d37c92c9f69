package io.auditgate.guardrail;

import io.auditgate.conversation.Completion;
import io.auditgate.conversation.ToolCall;
import java.util.List;

/**
 * A model answer that has passed the output guardrails: the only form in which an answer reaches a client.
 * {@link #text()} and {@link #toolCalls()} are what the client gets; {@link #recordText()} and
 * {@link #recordToolCalls()} what records may hold (fully masked). A withheld answer has no tool calls.
 */
public final class ScreenedAnswer {

    private final Completion completion;
    private final String text;
    private final String recordText;
    private final List<ToolCall> toolCalls;
    private final List<ToolCall> recordToolCalls;
    private final GuardrailReport report;

    ScreenedAnswer(Completion completion, String text, String recordText, GuardrailReport report) {
        this(completion, text, recordText, List.of(), List.of(), report);
    }

    ScreenedAnswer(Completion completion, String text, String recordText, List<ToolCall> toolCalls,
                   List<ToolCall> recordToolCalls, GuardrailReport report) {
        this.completion = completion;
        this.text = text;
        this.recordText = recordText;
        this.toolCalls = List.copyOf(toolCalls);
        this.recordToolCalls = List.copyOf(recordToolCalls);
        this.report = report;
    }

    public Completion completion() {
        return completion;
    }

    public String text() {
        return text;
    }

    public String recordText() {
        return recordText;
    }

    /** The tool calls the client gets, their arguments screened. */
    public List<ToolCall> toolCalls() {
        return toolCalls;
    }

    public List<ToolCall> recordToolCalls() {
        return recordToolCalls;
    }

    public GuardrailReport report() {
        return report;
    }

    public GuardrailStatus status() {
        return report.status();
    }
}
