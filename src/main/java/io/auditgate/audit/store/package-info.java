/**
 * Durable storage of the audit trail: a local append-only journal that group-commits sealed records to disk before
 * the gateway answers, a background shipper that turns them into segments in the audit store (S3 with Object Lock,
 * or a local directory), and a digester that signs what was shipped. Plain Java, no CDI: the gateway wires it. It
 * fails closed (the journal refuses entries it cannot make durable) and never deletes or overwrites audit objects.
 */
package io.auditgate.audit.store;
