package io.auditgate.simulator;

import java.util.Objects;

/**
 * The fault chosen for one request.
 *
 * @param fault   what to do instead of (or before) answering
 * @param delayMs the extra delay of a {@code latency} fault
 */
record Injection(Fault fault, long delayMs) {

    Injection {
        Objects.requireNonNull(fault, "fault");
        if (delayMs < 0) {
            throw new IllegalArgumentException("delayMs must not be negative");
        }
    }
}
