package io.auditgate.verifier;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every {@code record_id} of the verified trail is unique across all instances: the gateway names each request with
 * a new UUID, so a repeated id is a request recorded twice or a copied record. A record repeated under the same seq
 * of the same instance is already a {@link FindingCode#DUPLICATE_SEQUENCE} and is not reported again.
 */
final class RecordIds {

    private final Report report;

    RecordIds(Report report) {
        this.report = report;
    }

    void check(List<RecordRef> records) {
        Map<String, RecordRef> first = new HashMap<>();
        for (var record : records) {
            if (record.recordId() == null) {
                continue;
            }
            var earlier = first.putIfAbsent(record.recordId(), record);
            if (earlier != null && !(earlier.instance().equals(record.instance()) && earlier.seq() == record.seq())) {
                report.add(FindingCode.DUPLICATE_RECORD_ID, "record_id=" + record.recordId() + " " + earlier.where()
                        + " also=" + record.key() + ":" + record.line());
            }
        }
    }
}
