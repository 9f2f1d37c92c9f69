package io.auditgate.core;

import io.auditgate.tenant.TenantLimits;
import io.auditgate.conversation.ChatMessage;
import io.auditgate.conversation.ChatRequest;
import io.auditgate.problem.FieldError;
import io.auditgate.problem.GatewayException;
import java.util.ArrayList;

/**
 * Applies a tenant's limits: all text at most {@code max_prompt_chars}, a requested {@code max_tokens} at most
 * {@code max_output_tokens} (400 {@code invalid-request} otherwise). A request without {@code max_tokens} gets
 * the model's default: filling in the tenant's cap would break models whose own limit is lower.
 */
final class TenantLimitsCheck {

    private TenantLimitsCheck() {
    }

    static void check(TenantLimits limits, ChatRequest request) {
        var errors = new ArrayList<FieldError>();
        var chars = request.system().map(String::length).orElse(0)
                + request.messages().stream().mapToInt(ChatMessage::length).sum();
        if (chars > limits.maxPromptChars()) {
            errors.add(new FieldError("messages", "all text together exceeds this tenant's limit of "
                    + limits.maxPromptChars() + " characters"));
        }
        var inference = request.inference();
        if (inference.maxTokens() != null && inference.maxTokens() > limits.maxOutputTokens()) {
            errors.add(new FieldError("max_tokens", "exceeds this tenant's limit of " + limits.maxOutputTokens()));
        }
        if (!errors.isEmpty()) {
            throw GatewayException.invalid(errors);
        }
    }
}
