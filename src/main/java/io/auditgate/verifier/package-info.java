/**
 * The audit verifier, a command-line tool for auditors that never runs inside the gateway: it walks an audit store
 * (an S3 prefix or a local copy) from signed digests to segment hashes to record hash chains and sequence numbers,
 * and prints one line per finding with a stable code. It only reads; it never repairs or deletes.
 */
package io.auditgate.verifier;
