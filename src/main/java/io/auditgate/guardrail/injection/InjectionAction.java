package io.auditgate.guardrail.injection;

/** What the gateway does with a prompt whose assessment crosses the tenant's threshold. */
public enum InjectionAction {
    /** Forward the prompt to the model, and record the assessment in the audit trail and request log. */
    FLAG,
    /** Refuse the prompt with PROMPT_BLOCKED (422) before it reaches the model; the refusal is audited. */
    BLOCK
}
