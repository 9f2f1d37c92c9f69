package io.auditgate.quota;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.spi.merge.MergingValue;
import com.hazelcast.spi.merge.SplitBrainMergePolicy;
import java.util.HashMap;

/**
 * The quota map's split-brain merge policy: {@link SplitMerge} of the two sides' entries, so that the healed cluster
 * keeps the larger consumption instead of one side's entry (Hazelcast's default would drop the other side's).
 */
public final class LargerConsumption implements SplitBrainMergePolicy<Object, MergingValue<Object>, Object> {

    @Override
    @SuppressWarnings("unchecked")
    public Object merge(MergingValue<Object> merging, MergingValue<Object> existing) {
        if (existing == null) {
            return merging.getRawValue();
        }
        var one = (HashMap<String, long[]>) merging.getDeserializedValue();
        var other = (HashMap<String, long[]>) existing.getDeserializedValue();
        return one == null ? existing.getRawValue() : other == null ? merging.getRawValue() : SplitMerge.merge(one, other);
    }

    @Override
    public void writeData(ObjectDataOutput out) {
    }

    @Override
    public void readData(ObjectDataInput in) {
    }
}
