package io.auditgate.quota;

import com.hazelcast.map.EntryProcessor;
import java.io.Serial;
import java.util.HashMap;
import java.util.Map;

/** {@link TenantEntry#seed} on the member that owns the tenant's entry; JDK types only, as {@link ReserveOnOwner}. */
final class SeedOnOwner implements EntryProcessor<String, HashMap<String, long[]>, Boolean> {

    @Serial
    private static final long serialVersionUID = 1L;

    private final long[] spent;
    private final long nowMillis;

    SeedOnOwner(Spent spent, long nowMillis) {
        this.spent = spent.toArray();
        this.nowMillis = nowMillis;
    }

    @Override
    public Boolean process(Map.Entry<String, HashMap<String, long[]>> entry) {
        var state = entry.getValue() == null ? new HashMap<String, long[]>() : entry.getValue();
        if (!TenantEntry.seed(state, spent, nowMillis)) {
            return false;
        }
        entry.setValue(state);
        return true;
    }
}
