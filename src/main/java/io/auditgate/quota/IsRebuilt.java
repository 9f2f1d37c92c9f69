package io.auditgate.quota;

import com.hazelcast.map.EntryProcessor;
import java.io.Serial;
import java.util.HashMap;
import java.util.Map;

/**
 * Whether the tenant's entry was seeded from the audit trail ({@link TenantEntry#rebuilt}), read on its owner: true
 * means the grid has kept the tenant's spending since then, so a starting instance need not read the trail.
 */
final class IsRebuilt implements EntryProcessor<String, HashMap<String, long[]>, Boolean> {

    @Serial
    private static final long serialVersionUID = 1L;

    @Override
    public Boolean process(Map.Entry<String, HashMap<String, long[]>> entry) {
        return entry.getValue() != null && TenantEntry.rebuilt(entry.getValue());
    }

    @Override
    public EntryProcessor<String, HashMap<String, long[]>, Boolean> getBackupProcessor() {
        return null; // reads only
    }
}
