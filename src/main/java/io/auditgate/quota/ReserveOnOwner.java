package io.auditgate.quota;

import com.hazelcast.map.EntryProcessor;
import java.io.Serial;
import java.util.HashMap;
import java.util.Map;

/**
 * {@link TenantEntry#reserve} on the member that owns the tenant's entry (and, replayed with the same {@code now},
 * on its backup). A named class, not a lambda, with fields and result of JDK types only: it is serialized to the
 * owner, and what it returns is a {@code long[]} ({@link Verdict#toArray}).
 */
final class ReserveOnOwner implements EntryProcessor<String, HashMap<String, long[]>, long[]> {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String tenant;
    private final String ticket;
    private final String key;
    private final long[] demand;
    private final long expiresAtMillis;
    private final long[] limits;
    private final long nowMillis;

    ReserveOnOwner(Ticket ticket, Limits limits, long nowMillis) {
        this.tenant = ticket.tenant();
        this.ticket = ticket.id();
        this.key = ticket.key();
        this.demand = ticket.demand().toArray();
        this.expiresAtMillis = ticket.expiresAtMillis();
        this.limits = limits.toArray();
        this.nowMillis = nowMillis;
    }

    @Override
    public long[] process(Map.Entry<String, HashMap<String, long[]>> entry) {
        var state = entry.getValue() == null ? new HashMap<String, long[]>() : entry.getValue();
        var verdict = TenantEntry.reserve(state, Limits.of(limits),
                new Ticket(tenant, ticket, key, Demand.of(demand, 0), expiresAtMillis), nowMillis);
        entry.setValue(state);
        return verdict.toArray();
    }
}
