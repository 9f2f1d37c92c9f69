package io.auditgate.verifier;

import io.auditgate.audit.chain.Digest;
import java.time.Instant;

/** An instance's newest stored digest: its key below the prefix, its end, and its content (null if unreadable). */
record Newest(String key, Instant end, Digest digest) {
}
