package io.auditgate.conversation;

import java.util.Objects;

/** One turn of the conversation, as the client sent it (unscreened). */
public record ChatMessage(Role role, String content) {
    public ChatMessage {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(content, "content");
    }
}
