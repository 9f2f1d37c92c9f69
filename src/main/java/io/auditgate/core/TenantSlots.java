package io.auditgate.core;

import io.auditgate.auth.Caller;
import io.auditgate.problem.GatewayException;
import io.auditgate.problem.ProblemType;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Each tenant's requests in flight on this instance, against its {@code limits.max_concurrent_requests}: a slot is
 * taken once the caller is known and given back when the request ends; beyond the limit, 429 {@code rate-limited}
 * at once. The limit is the one of the policy snapshot the request was authenticated with.
 */
final class TenantSlots {

    private final ConcurrentMap<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();

    /** Takes a slot of the caller's tenant, or throws 429 {@code rate-limited}. */
    void enter(Caller caller) {
        var limit = caller.limits().maxConcurrentRequests();
        var count = inFlight.computeIfAbsent(caller.tenantId(), t -> new AtomicInteger());
        if (count.incrementAndGet() > limit) {
            count.decrementAndGet();
            throw new GatewayException(ProblemType.RATE_LIMITED,
                    "This tenant has as many requests in flight as its limit allows; retry shortly.", List.of(),
                    Duration.ofSeconds(1));
        }
    }

    void leave(String tenantId) {
        inFlight.get(tenantId).decrementAndGet();
    }

    int inFlight(String tenantId) {
        var count = inFlight.get(tenantId);
        return count == null ? 0 : count.get();
    }
}
