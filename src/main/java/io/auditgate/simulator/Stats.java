package io.auditgate.simulator;

import jakarta.json.JsonObject;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counts every model request received, faulted or not, per model and operation, for tests to read back. */
final class Stats {

    private final LongAdder total = new LongAdder();
    private final Map<String, LongAdder[]> perModel = new ConcurrentHashMap<>();

    void count(String modelId, Operation operation) {
        total.increment();
        perModel.computeIfAbsent(modelId, id -> newCounters())[operation.ordinal()].increment();
    }

    void reset() {
        perModel.clear();
        total.reset();
    }

    JsonObject json() {
        var models = Json.object();
        new TreeMap<>(perModel).forEach((model, counters) -> {
            var operations = Json.object();
            for (Operation operation : Operation.values()) {
                operations.add(operation.pathName(), counters[operation.ordinal()].sum());
            }
            models.add(model, operations);
        });
        return Json.object().add("total", total.sum()).add("models", models).build();
    }

    private static LongAdder[] newCounters() {
        var counters = new LongAdder[Operation.values().length];
        for (int i = 0; i < counters.length; i++) {
            counters[i] = new LongAdder();
        }
        return counters;
    }
}
