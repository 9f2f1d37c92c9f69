package io.auditgate.verifier;

/** The stable codes of verifier findings; scripts match on them, so names never change meaning. */
public enum FindingCode {
    /** A digest's signature does not verify with the trusted key, or it names another key. */
    DIGEST_SIGNATURE_INVALID,
    /** A digest's {@code previous} does not match the digest before it, its start is not that digest's end, or two digests share a number. */
    DIGEST_CHAIN_BROKEN,
    /** A gap in an instance's {@code digest_seq}: digests were deleted or never written. */
    DIGEST_MISSING,
    /** A digest object cannot be parsed as a version-1 digest. */
    DIGEST_UNREADABLE,
    /** A digest's key disagrees with its content (instance, number or end time): moved or renamed. */
    DIGEST_KEY_MISMATCH,
    /** A segment a digest lists is not in the store. */
    SEGMENT_MISSING,
    /** A segment's uncompressed SHA-256 differs from the one its digest signed. */
    SEGMENT_HASH_MISMATCH,
    /** A segment's object metadata is missing or disagrees with its content. */
    SEGMENT_METADATA_MISMATCH,
    /** A segment's key disagrees with its content (instance or seq range). */
    SEGMENT_KEY_MISMATCH,
    /** A segment cannot be decompressed (truncated or corrupt gzip). */
    SEGMENT_UNREADABLE,
    /** A segment in the store within the digested range that no digest lists. */
    SEGMENT_NOT_IN_DIGEST,
    /** Two digests list the same segment. */
    SEGMENT_LISTED_TWICE,
    /** With {@code --require-signed}: a segment above every digested seq that no digest lists yet. */
    SEGMENT_UNSIGNED,
    /** A record's {@code chain.hash} is not the hash of its content. */
    RECORD_HASH_MISMATCH,
    /** A line that is not a JSON object with a well-formed {@code chain}. */
    RECORD_UNREADABLE,
    /** Lines of a segment are not in ascending seq order. */
    RECORD_OUT_OF_ORDER,
    /** Records inside a digest entry's seq range are not in its segment. */
    RECORD_MISSING,
    /** A record's {@code prev_hash} is not the hash of the record before it. */
    CHAIN_BROKEN,
    /** Sequence numbers of an instance skip: records missing between two segments or at the start. */
    SEQUENCE_GAP,
    /** The same seq appears more than once for an instance. */
    DUPLICATE_SEQUENCE,
    /**
     * Two records (of any instances) share a {@code record_id}: the gateway makes a new id for every request, so one
     * request was recorded twice or a record was copied.
     */
    DUPLICATE_RECORD_ID,
    /**
     * An instance's newest digest is not a clean end ({@code chain_end}): it was killed or lost its disk, and may have
     * lost records after its last shipped segment, or it is still running (reconcile with instance lifecycle events;
     * {@code --running} or {@code --allow-open-chains} list it as {@code OPEN_CHAIN} instead).
     */
    UNTERMINATED_CHAIN,
    /** A clean end's {@code last_seq} disagrees with the instance's records in the store (more, or fewer). */
    CHAIN_END_MISMATCH,
    /**
     * A segment, digest or key object has more than one version in a versioned bucket: it was overwritten (or an
     * older version deleted and re-put). The verifier reads the current version; the others are evidence.
     */
    OVERWRITTEN_OBJECT,
    /** An object under records/ or digests/ whose key is not an audit key. */
    UNRECOGNISED_OBJECT
}
