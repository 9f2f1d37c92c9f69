package io.auditgate.verifier;

import io.auditgate.audit.chain.DigestEntry;

/** A segment as one digest lists it: the digest's key, the entry, and the segment's key below the prefix. */
record Listing(String digestKey, DigestEntry entry, String segmentKey) {
}
