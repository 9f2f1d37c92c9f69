package io.auditgate.quota;

import com.hazelcast.map.EntryProcessor;
import java.io.Serial;
import java.util.HashMap;
import java.util.Map;

/** {@link TenantEntry#settle} on the member that owns the tenant's entry; JDK types only, as {@link ReserveOnOwner}. */
final class SettleOnOwner implements EntryProcessor<String, HashMap<String, long[]>, Boolean> {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String ticket;
    private final String key;
    private final long[] actual;
    private final long nowMillis;

    SettleOnOwner(String ticket, String key, Demand actual, long nowMillis) {
        this.ticket = ticket;
        this.key = key;
        this.actual = actual.toArray();
        this.nowMillis = nowMillis;
    }

    @Override
    public Boolean process(Map.Entry<String, HashMap<String, long[]>> entry) {
        if (entry.getValue() == null) {
            return false;
        }
        var state = entry.getValue();
        var settled = TenantEntry.settle(state, ticket, key, Demand.of(actual, 0), nowMillis);
        entry.setValue(state);
        return settled;
    }
}
