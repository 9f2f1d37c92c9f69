package io.auditgate.quota;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Where tenants' buckets live. Every implementation applies {@link TenantEntry}'s arithmetic atomically per tenant,
 * so they differ only in where the state is and who else sees it. The futures complete on the calling thread or on
 * {@code continuation}, never on a grid thread; they fail when the ledger cannot be reached.
 */
interface Ledger {

    /** Reserves the ticket's demand on every bucket of its tenant and key together, or refuses. */
    CompletableFuture<Verdict> reserve(Ticket ticket, Limits limits, long nowMillis, Executor continuation);

    /** Replaces the ticket's reservation by {@code actual}, once; true if this call did. */
    CompletableFuture<Boolean> settle(String tenant, String ticketId, String keyId, Demand actual, long nowMillis,
                                      Executor continuation);

    /** Seeds the tenant's budget counters from the audit trail unless seeded before ({@link TenantEntry#seed}). */
    CompletableFuture<Boolean> seed(String tenant, Spent spent, long nowMillis, Executor continuation);

    /** Whether the tenant's entry was seeded already (the ledger kept its spending since). */
    CompletableFuture<Boolean> rebuilt(String tenant, Executor continuation);
}
