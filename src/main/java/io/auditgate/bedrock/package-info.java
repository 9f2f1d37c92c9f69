/**
 * Calls Amazon Bedrock's Converse API through the AWS SDK with one resilience layer (MicroProfile Fault
 * Tolerance retry and bulkhead, a circuit breaker per model, one deadline per request; the SDK's own retries
 * are off). Every upstream failure becomes a gateway problem; upstream messages are never passed on.
 */
package io.auditgate.bedrock;
