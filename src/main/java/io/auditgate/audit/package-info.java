/**
 * The compliance audit trail: one record per request, answered or refused, holding redacted text only.
 * {@code AuditRecords} maps what a request did to the {@code audit-schema/audit-record.v1} contract by explicit
 * code; {@code chain} hashes and signs; {@code store} makes records durable and ships them to S3.
 */
package io.auditgate.audit;
