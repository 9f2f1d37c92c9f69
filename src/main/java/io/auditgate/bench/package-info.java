/**
 * The gateway benchmark's own tools (see {@code bench/gateway.sh}): a fixed-rate HTTP load generator that records
 * latency from each request's intended send time, so a stalled server cannot hide its stall (no coordinated
 * omission), and the benchmark's prompts. Not part of the gateway: the WAR excludes this package and it ships only
 * as {@code target/auditgate-loadgen.jar}.
 */
package io.auditgate.bench;
