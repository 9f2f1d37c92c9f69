package io.auditgate.conversation;

import java.util.Optional;

/** Who said a message: the two roles Bedrock's Converse API accepts in {@code messages}. */
public enum Role {
    USER("user"), ASSISTANT("assistant");

    private final String wire;

    Role(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    /** The role named by its wire value, if it is one of the two. */
    public static Optional<Role> parse(String value) {
        for (var role : values()) {
            if (role.wire.equals(value)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
