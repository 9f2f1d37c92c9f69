package io.auditgate.simulator;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Admin rules of one kind (faults or scripted answers), in the order they were added; the first that matches a
 * request and has applications left is used.
 *
 * @param <T> what a rule applies to the request
 */
final class Rules<T> {

    private record Rule<T>(RuleScope scope, T value) {
        Rule {
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(value, "value");
        }
    }

    private final CopyOnWriteArrayList<Rule<T>> rules = new CopyOnWriteArrayList<>();

    void add(RuleScope scope, T value) {
        rules.add(new Rule<>(scope, value));
    }

    void clear() {
        rules.clear();
    }

    Optional<T> select(String modelId, byte[] body) {
        if (rules.isEmpty()) {
            return Optional.empty();
        }
        for (Rule<T> rule : rules) {
            if (rule.scope().take(modelId, body)) {
                return Optional.of(rule.value());
            }
        }
        return Optional.empty();
    }
}
