package io.auditgate.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditgate.audit.chain.Segment;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/** The audit records a gateway under test shipped to an S3 bucket (S3Mock), each checked against the schema. */
record BucketTrail(S3Client s3, String bucket) {

    /** Every record in the segments under {@code prefix}, in key order; fails on a record that is not schema-valid. */
    List<JsonObject> records(String prefix) {
        return s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix + "/records/")).contents().stream()
                .map(S3Object::key)
                .flatMap(key -> new String(Segment.gunzip(s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray()),
                        StandardCharsets.UTF_8).lines())
                .map(line -> schemaValid(Json.createReader(new StringReader(line)).readObject()))
                .toList();
    }

    /** The records under {@code prefix} by record id: more than one under an id is a duplicate. */
    Map<String, List<JsonObject>> byId(String prefix) {
        return records(prefix).stream().collect(Collectors.groupingBy(r -> r.getString("record_id")));
    }

    /** Every record id under {@code prefix}, with how often it occurs. */
    Map<String, Long> ids(String prefix) {
        return records(prefix).stream().collect(Collectors.groupingBy(r -> r.getString("record_id"), Collectors.counting()));
    }

    private static JsonObject schemaValid(JsonObject record) {
        try {
            assertThat(AuditTrailCheck.schemaErrors(record)).as("schema errors of " + record).isEmpty();
            return record;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
