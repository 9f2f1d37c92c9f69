package io.auditgate.core;

import io.auditgate.tenant.TenantLimits;
import io.auditgate.conversation.ChatMessage;
import io.auditgate.conversation.ChatRequest;
import io.auditgate.problem.FieldError;
import io.auditgate.problem.GatewayException;
import java.util.ArrayList;

/**
 * Applies a tenant's limits on one request: all text at most {@code max_prompt_chars}, a requested {@code max_tokens}
 * at most {@code max_output_tokens}, present if the tenant requires it (400 {@code invalid-request} otherwise). A
 * request without {@code max_tokens} gets the tenant's {@code default_max_tokens} when it has one, else the model's
 * default: filling in {@code max_output_tokens} would break models whose own limit is lower.
 */
final class TenantLimitsCheck {

    private TenantLimitsCheck() {
    }

    /** The request as the model gets it (with the tenant's default cap), or 400 {@code invalid-request}. */
    static ChatRequest check(TenantLimits limits, ChatRequest request) {
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
        if (inference.maxTokens() == null && limits.requireMaxTokens()) {
            errors.add(new FieldError("max_tokens", "this tenant requires max_tokens"));
        }
        if (!errors.isEmpty()) {
            throw GatewayException.invalid(errors);
        }
        if (inference.maxTokens() == null && limits.defaultMaxTokens().isPresent()) {
            return request.with(inference.withMaxTokens(limits.defaultMaxTokens().getAsInt()));
        }
        return request;
    }
}
