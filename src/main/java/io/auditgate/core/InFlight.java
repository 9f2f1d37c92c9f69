package io.auditgate.core;

import io.auditgate.problem.GatewayException;
import io.auditgate.problem.ProblemType;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;

/**
 * The instance's cap on requests in flight ({@code gateway.max-in-flight}): a request takes a permit when it arrives
 * and gives it back when it ends, answered or refused, whichever thread ends it; beyond the cap it is refused at
 * once with 503 {@code overloaded} and {@code Retry-After}, never queued.
 */
final class InFlight {

    private final Semaphore permits;
    private final int cap;

    InFlight(int cap) {
        if (cap < 1) {
            throw new IllegalArgumentException("gateway.max-in-flight must be at least 1");
        }
        this.cap = cap;
        this.permits = new Semaphore(cap);
    }

    /** Takes a permit, or throws 503 {@code overloaded}. */
    void enter() {
        if (!permits.tryAcquire()) {
            throw new GatewayException(ProblemType.OVERLOADED,
                    "The gateway is at its limit of requests in flight; retry shortly.", List.of(), Duration.ofSeconds(1));
        }
    }

    void leave() {
        permits.release();
    }

    int inFlight() {
        return cap - permits.availablePermits();
    }
}
