/**
 * What the gateway tells operators: the request id every response and log line carries, exactly one JSON
 * log line per request (never prompt or answer text), request metrics by outcome, and health checks.
 */
package io.auditgate.telemetry;
