package io.auditgate.guardrail;

import io.auditgate.conversation.Completion;

/**
 * A model answer that has passed the output guardrails: the only form in which an answer reaches a client.
 * {@link #text()} is what the client gets; {@link #recordText()} what records may hold (fully masked).
 */
public final class ScreenedAnswer {

    private final Completion completion;
    private final String text;
    private final String recordText;
    private final GuardrailReport report;

    ScreenedAnswer(Completion completion, String text, String recordText, GuardrailReport report) {
        this.completion = completion;
        this.text = text;
        this.recordText = recordText;
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

    public GuardrailReport report() {
        return report;
    }

    public GuardrailStatus status() {
        return report.status();
    }
}
