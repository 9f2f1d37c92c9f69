package io.auditgate.audit.chain;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The object metadata shipped with a segment ({@code x-amz-meta-record-count}, {@code -first-seq},
 * {@code -last-seq}, {@code -sha256}); the hash is of the uncompressed JSON Lines, so it can be checked against
 * the digest without trusting the gzip layer.
 */
public record SegmentMetadata(long recordCount, long firstSeq, long lastSeq, String sha256) {

    public static final String RECORD_COUNT = "record-count";
    public static final String FIRST_SEQ = "first-seq";
    public static final String LAST_SEQ = "last-seq";
    public static final String SHA256 = "sha256";

    public SegmentMetadata {
        if (recordCount < 1 || firstSeq < 1 || lastSeq < firstSeq || !Sha256.isHex(sha256)) {
            throw new IllegalArgumentException("bad segment metadata");
        }
    }

    /** The user metadata map to send with PutObject (S3 lower-cases names anyway). */
    public Map<String, String> asMap() {
        var map = new LinkedHashMap<String, String>();
        map.put(RECORD_COUNT, Long.toString(recordCount));
        map.put(FIRST_SEQ, Long.toString(firstSeq));
        map.put(LAST_SEQ, Long.toString(lastSeq));
        map.put(SHA256, sha256);
        return map;
    }

    /** Reads metadata as returned by HeadObject; a missing or malformed entry fails with IllegalArgumentException. */
    public static SegmentMetadata from(Map<String, String> metadata) {
        try {
            return new SegmentMetadata(Long.parseLong(required(metadata, RECORD_COUNT)),
                    Long.parseLong(required(metadata, FIRST_SEQ)), Long.parseLong(required(metadata, LAST_SEQ)),
                    required(metadata, SHA256));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("segment metadata is not numeric", e);
        }
    }

    private static String required(Map<String, String> metadata, String name) {
        var value = metadata.get(name);
        if (value == null) {
            throw new IllegalArgumentException("segment metadata lacks " + name);
        }
        return value;
    }
}
