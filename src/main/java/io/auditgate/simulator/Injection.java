package io.auditgate.simulator;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * The fault chosen for one request.
 *
 * @param fault       what to do instead of (or before, or in the middle of) answering
 * @param delayMs     the extra delay of a {@code latency} fault; the idle gap of a {@code stream-stall}
 * @param afterDeltas how many deltas a stream fault lets through first; empty for the default (a few)
 */
record Injection(Fault fault, long delayMs, OptionalInt afterDeltas) {

    Injection {
        Objects.requireNonNull(fault, "fault");
        Objects.requireNonNull(afterDeltas, "afterDeltas");
        if (delayMs < 0) {
            throw new IllegalArgumentException("delayMs must not be negative");
        }
        if (afterDeltas.isPresent() && afterDeltas.getAsInt() < 0) {
            throw new IllegalArgumentException("afterDeltas must not be negative");
        }
    }

    /** The delay added before the response starts; a stall's delay is spent mid-stream instead. */
    long latencyMs() {
        return fault == Fault.STREAM_STALL ? 0 : delayMs;
    }
}
