package io.auditgate.conversation;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The tools a request offers and how the model must choose among them: {@link Choice#AUTO} (it may answer or call
 * one), {@link Choice#ANY} (it must call one) or {@link Choice#TOOL} (it must call {@code forced}). No tools: the
 * model answers in text, as on {@code /invoke}.
 */
public record Tools(List<ToolSpec> specs, Choice choice, Optional<String> forced) {

    public static final Tools NONE = new Tools(List.of(), Choice.AUTO, Optional.empty());

    public enum Choice { AUTO, ANY, TOOL }

    public Tools {
        specs = List.copyOf(specs);
        Objects.requireNonNull(choice, "choice");
        Objects.requireNonNull(forced, "forced");
        if (forced.isPresent() != (choice == Choice.TOOL)) {
            throw new IllegalArgumentException("a forced tool is named exactly when the choice is TOOL");
        }
    }

    public boolean isEmpty() {
        return specs.isEmpty();
    }

    public List<String> names() {
        return specs.stream().map(ToolSpec::name).toList();
    }
}
