/**
 * The tamper-evident form of the audit trail, shared by the gateway and the verifier: the canonical bytes and
 * SHA-256 hash of a record, the per-instance hash chain, the gzip JSON Lines segments shipped to the store and the
 * signed digests that list them. Everything here is pure computation over bytes; no I/O beyond reading a key file.
 */
package io.auditgate.audit.chain;
