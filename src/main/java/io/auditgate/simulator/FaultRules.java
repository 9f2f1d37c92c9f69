package io.auditgate.simulator;

import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** The active admin fault rules, in the order they were added; the first match with applications left wins. */
final class FaultRules {

    private final CopyOnWriteArrayList<FaultRule> rules = new CopyOnWriteArrayList<>();

    void add(FaultRule rule) {
        rules.add(rule);
    }

    void clear() {
        rules.clear();
    }

    Optional<Injection> select(String modelId, byte[] body) {
        if (rules.isEmpty()) {
            return Optional.empty();
        }
        for (FaultRule rule : rules) {
            if (rule.take(modelId, body)) {
                return Optional.of(rule.injection());
            }
        }
        return Optional.empty();
    }
}
