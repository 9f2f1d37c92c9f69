package io.auditgate.simulator;

import java.util.List;
import java.util.Objects;

/**
 * One message of a conversation, reduced to its text blocks.
 *
 * @param role  "user" or "assistant"
 * @param texts the text of each text block, in order
 */
record Turn(String role, List<String> texts) {

    Turn {
        Objects.requireNonNull(role, "role");
        texts = List.copyOf(texts);
    }

    boolean isUser() {
        return role.equals("user");
    }

    String text() {
        return String.join("\n", texts);
    }

    int characters() {
        int sum = 0;
        for (String text : texts) {
            sum += text.length();
        }
        return sum;
    }
}
