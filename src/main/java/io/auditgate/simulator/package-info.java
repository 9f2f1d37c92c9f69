/**
 * A stand-in for Amazon Bedrock Runtime that speaks its rest-json and event-stream wire protocol, so the real
 * AWS SDK cannot tell it from the service. Answers are derived deterministically from the input; faults, latency
 * and a test guardrail can be injected per request or per run. It is a test and benchmark tool only: it binds
 * loopback by default, never verifies signatures and never depends on the gateway.
 */
package io.auditgate.simulator;
