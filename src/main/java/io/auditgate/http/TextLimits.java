package io.auditgate.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The instance's limits on a request's text, one bean for every endpoint (the keys keep their {@code invoke.} prefix,
 * which came first): the characters of all text together ({@code invoke.max-prompt-chars}, also the bound of any one
 * text), the messages ({@code invoke.max-messages}) and the output tokens a request may ask for
 * ({@code invoke.max-output-tokens}). A tenant's own, lower limits are the tenants policy's. Read through the
 * methods: a field read through the CDI client proxy sees the proxy's own zero.
 */
@ApplicationScoped
public class TextLimits {

    @Inject
    @ConfigProperty(name = "invoke.max-prompt-chars", defaultValue = "262144")
    int promptChars;

    @Inject
    @ConfigProperty(name = "invoke.max-messages", defaultValue = "100")
    int messages;

    @Inject
    @ConfigProperty(name = "invoke.max-output-tokens", defaultValue = "8192")
    int outputTokens;

    /** For CDI. */
    public TextLimits() {
    }

    /** Set by hand (unit tests). */
    public TextLimits(int promptChars, int messages, int outputTokens) {
        if (promptChars < 1 || messages < 1 || outputTokens < 1) {
            throw new IllegalArgumentException("text limits are positive");
        }
        this.promptChars = promptChars;
        this.messages = messages;
        this.outputTokens = outputTokens;
    }

    public int maxPromptChars() {
        return promptChars;
    }

    public int maxMessages() {
        return messages;
    }

    public int maxOutputTokens() {
        return outputTokens;
    }
}
