/**
 * The values that describe one request as it goes through the gateway: the {@link io.auditgate.request.Exchange}
 * created at the edge and passed along, the {@link io.auditgate.request.Ending} that the audit record, the log line
 * and the metrics are made from, the {@link io.auditgate.request.Facts} a record cites, and the
 * {@link io.auditgate.request.RequestObserver} through which telemetry watches. {@code audit} and {@code telemetry}
 * both depend on it and not on each other.
 */
package io.auditgate.request;
