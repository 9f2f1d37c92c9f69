package io.auditgate.guardrail;

import java.util.Objects;

/** What a guardrail found, summarised: a type, how often, and the action taken. Never a matched value. */
public record Finding(String type, int count, String action) {
    public Finding {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(action, "action");
    }
}
