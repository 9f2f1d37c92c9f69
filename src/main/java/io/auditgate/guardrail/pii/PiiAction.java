package io.auditgate.guardrail.pii;

/** What the gateway does with a type of finding before the text goes to the model. */
public enum PiiAction {
    /** Replace the value with a typed placeholder such as {@code [EMAIL_1]}. */
    MASK,
    /** Refuse the request (the caller answers 422 naming the types); the value is masked wherever it is kept. */
    BLOCK,
    /** Send the value to the model unchanged; audit records still hold only the placeholder. */
    ALLOW
}
