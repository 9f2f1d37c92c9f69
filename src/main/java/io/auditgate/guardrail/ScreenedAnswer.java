package io.auditgate.guardrail;

import io.auditgate.bedrock.Completion;

/** A model answer that has passed the output guardrails: the only form in which an answer reaches a client. */
public final class ScreenedAnswer {

    private final Completion completion;
    private final String text;
    private final GuardrailStatus status;

    ScreenedAnswer(Completion completion, String text, GuardrailStatus status) {
        this.completion = completion;
        this.text = text;
        this.status = status;
    }

    public Completion completion() {
        return completion;
    }

    public String text() {
        return text;
    }

    public GuardrailStatus status() {
        return status;
    }
}
